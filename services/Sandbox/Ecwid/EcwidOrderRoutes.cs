using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>
/// <c>/orders</c>: an order is addressed by its <c>orderNumber</c> or its alphanumeric <c>id</c>.
/// POST answers <c>{"id": orderNumber, "orderid": "XJ12H"}</c> as Ecwid does.
/// </summary>
internal static class EcwidOrderRoutes
{
    private static readonly Dictionary<string, FieldKind> Fields = new()
    {
        ["email"] = FieldKind.String, ["paymentStatus"] = FieldKind.String, ["fulfillmentStatus"] = FieldKind.String,
        ["total"] = FieldKind.Number, ["subtotal"] = FieldKind.Number, ["tax"] = FieldKind.Number, ["items"] = FieldKind.Array,
        ["billingPerson"] = FieldKind.Object, ["shippingPerson"] = FieldKind.Object, ["customerId"] = FieldKind.Integer,
    };

    private static readonly HashSet<string> ReadOnly = ["id", "orderNumber", "internalId", "createDate", "createTimestamp", "updateDate", "updateTimestamp"];

    private static readonly string[] PaymentStatuses = ["AWAITING_PAYMENT", "PAID", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED", "INCOMPLETE"];

    private static readonly string[] FulfillmentStatuses = ["AWAITING_PROCESSING", "PROCESSING", "SHIPPED", "DELIVERED", "WILL_NOT_DELIVER", "RETURNED", "READY_FOR_PICKUP", "OUT_FOR_DELIVERY"];

    public static void Map(RouteGroupBuilder g, EcwidEmulator e)
    {
        g.MapGet("/orders", (HttpContext c) => EcwidEnvelopes.Page(Search(e, c), c));
        g.MapGet("/orders/{key}", (string key) => Find(e, key) is { } o ? JsonHelpers.Json(200, o) : NotFound(key));
        g.MapPost("/orders", (HttpContext c) => Create(c, e));
        g.MapPut("/orders/{key}", (HttpContext c, string key) =>
        {
            if (Find(e, key) is not { } order) return NotFound(key);
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (Check(body) is { } invalid) return invalid;
            e.Orders.Update(JsonHelpers.IdOf(order, "orderNumber"), o =>
            {
                JsonHelpers.Merge(o, body, ReadOnly);
                EcwidSeedData.Stamp(o, "updateDate", "updateTimestamp", DateTimeOffset.UtcNow);
            });
            return EcwidEnvelopes.Updated();
        });
        g.MapDelete("/orders/{key}", (string key) =>
        {
            if (Find(e, key) is not { } o || !e.Orders.Remove(JsonHelpers.IdOf(o, "orderNumber"))) return NotFound(key);
            // The feed lists an order by its number, as Ecwid's reference says.
            e.Deletions.Record("orders", JsonHelpers.IdOf(o, "orderNumber"), DateTimeOffset.UtcNow);
            return EcwidEnvelopes.Deleted();
        });
    }

    private static IResult NotFound(string key) => EcwidErrors.NotFound("Order", key, "ORDER_NOT_FOUND");

    private static JsonObject? Find(EcwidEmulator e, string key) =>
        long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && e.Orders.Get(number) is { } byNumber
            ? byNumber
            : e.Orders.Where(o => string.Equals(JsonHelpers.Str(o, "id"), key, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();

    private static IReadOnlyList<JsonObject> Search(EcwidEmulator e, HttpContext c)
    {
        var q = c.Request.Query;
        var tests = new List<Func<JsonObject, bool>>();
        if (JsonHelpers.ParseIdList(q["ids"]) is { Count: > 0 } ids) tests.Add(o => ids.Contains(JsonHelpers.IdOf(o, "orderNumber")));
        if (q["email"].ToString() is { Length: > 0 } email) tests.Add(o => string.Equals(JsonHelpers.Str(o, "email"), email, StringComparison.OrdinalIgnoreCase));
        if (q["keywords"].ToString() is { Length: > 0 } keywords) tests.Add(o => o.ToJsonString().Contains(keywords, StringComparison.OrdinalIgnoreCase));
        if (q["paymentStatus"].ToString() is { Length: > 0 } ps)
        {
            var set = ps.Split(',', StringSplitOptions.TrimEntries);
            tests.Add(o => set.Contains(JsonHelpers.Str(o, "paymentStatus")));
        }
        if (q["fulfillmentStatus"].ToString() is { Length: > 0 } fs)
        {
            var set = fs.Split(',', StringSplitOptions.TrimEntries);
            tests.Add(o => set.Contains(JsonHelpers.Str(o, "fulfillmentStatus")));
        }
        if (decimal.TryParse(q["totalFrom"], CultureInfo.InvariantCulture, out var totalFrom)) tests.Add(o => (JsonHelpers.Dec(o["total"]) ?? 0) >= totalFrom);
        if (decimal.TryParse(q["totalTo"], CultureInfo.InvariantCulture, out var totalTo)) tests.Add(o => (JsonHelpers.Dec(o["total"]) ?? 0) <= totalTo);
        foreach (var f in new[]
        {
            EcwidEnvelopes.DateFilter(c, "createdFrom", "createDate", true), EcwidEnvelopes.DateFilter(c, "createdTo", "createDate", false),
            EcwidEnvelopes.DateFilter(c, "updatedFrom", "updateDate", true), EcwidEnvelopes.DateFilter(c, "updatedTo", "updateDate", false),
        })
        {
            if (f is not null) tests.Add(f);
        }
        return EcwidValidation.Sort(e.Orders.Where(o => tests.All(t => t(o))), q["sortBy"], "orderNumber").ToArray();
    }

    private static IResult? Check(JsonObject body)
    {
        if (EcwidValidation.Check(body, Fields) is { } invalid) return invalid;
        if (JsonHelpers.Str(body, "paymentStatus") is { } ps && !PaymentStatuses.Contains(ps)) return EcwidErrors.WrongParameter($"Unknown paymentStatus '{ps}'");
        if (JsonHelpers.Str(body, "fulfillmentStatus") is { } fs && !FulfillmentStatuses.Contains(fs)) return EcwidErrors.WrongParameter($"Unknown fulfillmentStatus '{fs}'");
        return null;
    }

    private static IResult Create(HttpContext c, EcwidEmulator e)
    {
        if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
        if (Check(body) is { } invalid) return invalid;
        var items = body["items"] as JsonArray ?? [];
        var subtotal = items.OfType<JsonObject>().Sum(i => (JsonHelpers.Dec(i["price"]) ?? 0) * (JsonHelpers.Long(i["quantity"]) ?? 1));
        var now = DateTimeOffset.UtcNow;
        var order = EcwidSeedData.NewOrder(0, now, now, JsonHelpers.Str(body, "email") ?? "",
            JsonHelpers.Str(body, "paymentStatus") ?? "AWAITING_PAYMENT", JsonHelpers.Str(body, "fulfillmentStatus") ?? "AWAITING_PROCESSING",
            (JsonArray)items.DeepClone(), subtotal);
        JsonHelpers.Merge(order, body, ReadOnly);
        var stored = e.Orders.Add(order);
        var number = JsonHelpers.IdOf(stored, "orderNumber");
        var orderId = EcwidSeedData.OrderId(number);
        e.Orders.Update(number, o =>
        {
            o["id"] = orderId;
            o["internalId"] = number;
        });
        return JsonHelpers.Json(200, new JsonObject { ["id"] = number, ["orderid"] = orderId });
    }
}
