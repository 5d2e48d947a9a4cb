using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Switchboard.Sandbox.BigCommerceErrors;

namespace Switchboard.Sandbox;

/// <summary>
/// v2 <c>/orders</c> (orders.v2.oas2.yml): bare arrays, <c>page</c>/<c>limit</c> (default 50), an empty page is
/// 204 No Content, errors are <c>[{"status","message"}]</c>. POST requires <c>billing_address</c> and <c>products</c>.
/// </summary>
internal static class BigCommerceOrderRoutes
{
    private static readonly HashSet<string> ReadOnly = ["id", "date_created", "date_modified", "products", "shipping_addresses", "subtotal_ex_tax", "subtotal_inc_tax", "total_ex_tax", "total_inc_tax", "items_total"];

    public static void Map(RouteGroupBuilder g, BigCommerceEmulator bc)
    {
        g.MapGet("/v2/orders", (HttpContext c) => BigCommerceEnvelopes.V2Page(Filtered(bc, c), c));
        g.MapGet("/v2/orders/count", (HttpContext c) =>
            JsonHelpers.Json(200, new JsonObject { ["statuses"] = new JsonArray(), ["count"] = Filtered(bc, c).Count }));
        g.MapGet("/v2/orders/{id:long}", (HttpContext c, long id) =>
            bc.Orders.Get(id) is { } o ? JsonHelpers.Json(200, o) : NotFound(c));
        g.MapGet("/v2/orders/{id:long}/products", (HttpContext c, long id) =>
            bc.Orders.Get(id) is null
                ? NotFound(c)
                : BigCommerceEnvelopes.V2Page(bc.OrderProducts.Where(l => JsonHelpers.Long(l["order_id"]) == id), c));
        g.MapPost("/v2/orders", (HttpContext c) => Create(c, bc));
        g.MapPut("/v2/orders/{id:long}", (HttpContext c, long id) => Update(c, bc, id));
        g.MapDelete("/v2/orders/{id:long}", (HttpContext c, long id) =>
        {
            if (!bc.Orders.Remove(id)) return NotFound(c);
            bc.OrderProducts.RemoveWhere(l => JsonHelpers.Long(l["order_id"]) == id);
            return Results.StatusCode(204);
        });
        g.MapDelete("/v2/orders", () =>
        {
            bc.Orders.Clear();
            bc.OrderProducts.Clear();
            return Results.StatusCode(204);
        });
    }

    private static IReadOnlyList<JsonObject> Filtered(BigCommerceEmulator bc, HttpContext c)
    {
        var q = c.Request.Query;
        var tests = new List<Func<JsonObject, bool>>();
        void Range(string param, string field, bool min)
        {
            var raw = q[param].ToString();
            if (raw.Length == 0) return;
            tests.Add(o => QueryFilter.Compare(Numeric(o[field]), raw) is { } cmp && (min ? cmp >= 0 : cmp <= 0));
        }
        Range("min_id", "id", true);
        Range("max_id", "id", false);
        Range("min_total", "total_inc_tax", true);
        Range("max_total", "total_inc_tax", false);
        Range("min_date_created", "date_created", true);
        Range("max_date_created", "date_created", false);
        Range("min_date_modified", "date_modified", true);
        Range("max_date_modified", "date_modified", false);
        if (q["status_id"].ToString() is { Length: > 0 } status) tests.Add(o => o["status_id"]?.ToJsonString() == status);
        if (q["customer_id"].ToString() is { Length: > 0 } customer) tests.Add(o => o["customer_id"]?.ToJsonString() == customer);
        if (q["email"].ToString() is { Length: > 0 } email)
        {
            tests.Add(o => string.Equals((o["billing_address"] as JsonObject)?["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
        }
        var sort = q["sort"].ToString().Split(':');
        var field = sort[0] is { Length: > 0 } f ? f : "id";
        var items = bc.Orders.Where(o => tests.All(t => t(o)));
        var ordered = field is "date_created" or "date_modified"
            ? items.OrderBy(o => JsonHelpers.TryParseDate(JsonHelpers.Str(o, field), out var d) ? d : DateTimeOffset.MinValue).ThenBy(o => JsonHelpers.IdOf(o)).ToArray()
            : QueryFilter.Sort(items, field, false).ToArray();
        return sort.Length > 1 && sort[1] == "desc" ? ordered.Reverse().ToArray() : ordered;
    }

    // v2 money is a decimal string; compare it as a number.
    private static JsonNode? Numeric(JsonNode? node) =>
        JsonHelpers.IsString(node) && decimal.TryParse(node!.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : node;

    private static IResult Create(HttpContext c, BigCommerceEmulator bc)
    {
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return V2(400, "The request body must be a JSON object.");
        if (body["billing_address"] is not JsonObject billing) return V2(400, "The required field 'billing_address' was not supplied.");
        if (body["products"] is not JsonArray { Count: > 0 } lines || lines.Any(l => l is not JsonObject))
        {
            return V2(400, "The required field 'products' was not supplied.");
        }
        foreach (var line in lines.Cast<JsonObject>())
        {
            if (line.ContainsKey("quantity") && !JsonHelpers.IsInteger(line["quantity"])) return V2(400, "The field 'quantity' is invalid.");
            if (JsonHelpers.Long(line["product_id"]) is { } pid && bc.Products.Get(pid) is null) return V2(400, $"The product {pid} does not exist.");
        }
        var now = DateTimeOffset.UtcNow;
        var statusId = JsonHelpers.Long(body["status_id"]) is { } s ? (int)s : 1;
        var lineCopies = lines.Select(l => (JsonNode?)l!.DeepClone()).ToArray();
        var order = BigCommerceSeedData.NewOrder(0, now, now, JsonHelpers.Long(body["customer_id"]) ?? 0, statusId, new JsonArray(lineCopies), (JsonObject)billing.DeepClone());
        foreach (var (k, v) in body)
        {
            if (k is not ("products" or "billing_address") && !ReadOnly.Contains(k)) order[k] = v?.DeepClone();
        }
        var stored = bc.Orders.Add(order);
        var id = JsonHelpers.IdOf(stored);
        foreach (var line in lines.Cast<JsonObject>())
        {
            var copy = new JsonObject { ["order_id"] = id };
            foreach (var (k, v) in line) copy[k] = v?.DeepClone();
            bc.OrderProducts.Add(copy);
        }
        stored = bc.Orders.Update(id, o =>
        {
            o["products"] = new JsonObject { ["url"] = $"/v2/orders/{id}/products", ["resource"] = $"/orders/{id}/products" };
            o["shipping_addresses"] = new JsonObject { ["url"] = $"/v2/orders/{id}/shipping_addresses", ["resource"] = $"/orders/{id}/shipping_addresses" };
        })!;
        return JsonHelpers.Json(200, stored);
    }

    private static IResult Update(HttpContext c, BigCommerceEmulator bc, long id)
    {
        if (bc.Orders.Get(id) is null) return NotFound(c);
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return V2(400, "The request body must be a JSON object.");
        if (body.ContainsKey("status_id") && !JsonHelpers.IsInteger(body["status_id"])) return V2(400, "The field 'status_id' is invalid.");
        var updated = bc.Orders.Update(id, o =>
        {
            foreach (var (k, v) in body)
            {
                if (!ReadOnly.Contains(k)) o[k] = v?.DeepClone();
            }
            if (JsonHelpers.Long(body["status_id"]) is { } sid)
            {
                o["status"] = BigCommerceSeedData.OrderStatuses.TryGetValue((int)sid, out var name) ? name : "Pending";
            }
            o["date_modified"] = BigCommerceSeedData.Rfc2822(DateTimeOffset.UtcNow);
        })!;
        return JsonHelpers.Json(200, updated);
    }
}
