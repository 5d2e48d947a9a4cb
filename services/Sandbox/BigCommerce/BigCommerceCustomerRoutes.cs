using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Switchboard.Sandbox.BigCommerceErrors;

namespace Switchboard.Sandbox;

/// <summary>
/// v3 <c>/customers</c> (customers.v3.yml): list with <c>id:in</c> etc., create = POST of an array (≤ 10),
/// update = PUT of an array with ids, delete = <c>DELETE /v3/customers?id:in=1,2</c>. There is no single-customer
/// route in v3. Validation failures, duplicate e-mails included, are 422 as the spec documents.
/// </summary>
internal static class BigCommerceCustomerRoutes
{
    private static readonly HashSet<string> Filters =
        ["id", "email", "name", "company", "customer_group_id", "date_created", "date_modified", "phone", "registration_ip_address"];

    private static readonly HashSet<string> ReadOnly = ["id", "registration_ip_address", "date_created", "date_modified", "origin_channel_id", "address_count"];

    private const int BatchLimit = 10;

    public static void Map(RouteGroupBuilder g, BigCommerceEmulator bc)
    {
        g.MapGet("/v3/customers", (HttpContext c) =>
        {
            var filter = QueryFilter.From(c.Request.Query, Filters, Resolve);
            var includeAddresses = c.Request.Query["include"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains("addresses");
            var sort = c.Request.Query["sort"].ToString().Split(':');
            var items = QueryFilter.Sort(bc.Customers.Where(filter.Matches), sort[0], sort.Length > 1 && sort[1] == "desc").ToArray();
            return BigCommerceEnvelopes.Page(items, c, o =>
            {
                if (!includeAddresses) o.Remove("addresses");
                return o;
            });
        });
        g.MapPost("/v3/customers", (HttpContext c) => Create(c, bc));
        g.MapPut("/v3/customers", (HttpContext c) => Update(c, bc));
        g.MapDelete("/v3/customers", (HttpContext c) =>
        {
            var ids = JsonHelpers.ParseIdList(c.Request.Query["id:in"]);
            if (ids is null || ids.Count == 0) return V3(422, "The `id:in` was not valid.", new JsonObject { ["id:in"] = "id:in is required" });
            foreach (var id in ids) bc.Customers.Remove(id);
            return Results.StatusCode(204);
        });
    }

    private static JsonNode? Resolve(JsonObject o, string field) => field == "name"
        ? JsonValue.Create($"{JsonHelpers.Str(o, "first_name")} {JsonHelpers.Str(o, "last_name")}")
        : o[field];

    private static void Validate(JsonObject c, string prefix, bool creating, Dictionary<string, string> errors)
    {
        foreach (var f in new[] { "first_name", "last_name", "email" })
        {
            if (creating && c[f] is null) errors[prefix + f] = Missing;
            else if (c.ContainsKey(f) && (JsonHelpers.Str(c, f) is not { } s || s.Trim().Length == 0)) errors[prefix + f] = ExpectedString;
        }
        if (JsonHelpers.Str(c, "email") is { } email && !System.Text.RegularExpressions.Regex.IsMatch(email, @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
        {
            errors[prefix + "email"] = "The email address is invalid.";
        }
        if (c.ContainsKey("customer_group_id") && !JsonHelpers.IsInteger(c["customer_group_id"])) errors[prefix + "customer_group_id"] = ExpectedNumber;
        if (c.ContainsKey("addresses") && c["addresses"] is not JsonArray) errors[prefix + "addresses"] = ExpectedArray;
    }

    private static bool EmailTaken(BigCommerceEmulator bc, string email, long? selfId) =>
        bc.Customers.Any(x => JsonHelpers.IdOf(x) != selfId && string.Equals(JsonHelpers.Str(x, "email"), email, StringComparison.OrdinalIgnoreCase));

    private static IResult? ReadBatch(HttpContext c, BigCommerceEmulator bc, out JsonObject[] items)
    {
        items = [];
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonArray array || array.Any(x => x is not JsonObject))
        {
            return Invalid(new() { ["body"] = "The request body must be an array of customer objects." });
        }
        if (array.Count > BatchLimit)
        {
            return V3(413, $"The request payload is too large. The maximum items allowed in the array is {BatchLimit}.", new JsonObject());
        }
        if (array.Count == 0) return Invalid(new() { ["body"] = "The array must contain at least one customer." });
        items = array.Cast<JsonObject>().ToArray();
        return null;
    }

    private static IResult Create(HttpContext c, BigCommerceEmulator bc)
    {
        if (ReadBatch(c, bc, out var items) is { } error) return error;
        var errors = new Dictionary<string, string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Length; i++)
        {
            Validate(items[i], $"{i}.", creating: true, errors);
            if (JsonHelpers.Str(items[i], "email") is { } email && (EmailTaken(bc, email, null) || !seen.Add(email)))
            {
                errors[$"{i}.email"] = $"The email address {email} is already in use.";
            }
        }
        if (errors.Count > 0) return Invalid(errors, "Create customers failed.");

        var now = BigCommerceSeedData.Iso(DateTimeOffset.UtcNow);
        var created = items.Select(body =>
        {
            var customer = new JsonObject
            {
                ["email"] = "", ["first_name"] = "", ["last_name"] = "", ["company"] = "", ["phone"] = "", ["notes"] = "",
                ["tax_exempt_category"] = "", ["customer_group_id"] = 0, ["registration_ip_address"] = "",
                ["accepts_product_review_abandoned_cart_emails"] = false, ["origin_channel_id"] = 1,
                ["authentication"] = new JsonObject { ["force_password_reset"] = false }, ["addresses"] = new JsonArray(),
                ["date_created"] = now, ["date_modified"] = now,
            };
            JsonHelpers.Merge(customer, body, ReadOnly);
            AfterWrite(customer);
            return bc.NumberAddresses(JsonHelpers.IdOf(bc.Customers.Add(customer)));
        }).ToArray();
        return BigCommerceEnvelopes.Many(created, c);
    }

    private static IResult Update(HttpContext c, BigCommerceEmulator bc)
    {
        if (ReadBatch(c, bc, out var items) is { } error) return error;
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < items.Length; i++)
        {
            if (JsonHelpers.Long(items[i]["id"]) is not { } id) { errors[$"{i}.id"] = Missing; continue; }
            if (bc.Customers.Get(id) is null) { errors[$"{i}.id"] = $"Customer {id} does not exist."; continue; }
            Validate(items[i], $"{i}.", creating: false, errors);
            if (JsonHelpers.Str(items[i], "email") is { } email && EmailTaken(bc, email, id))
            {
                errors[$"{i}.email"] = $"The email address {email} is already in use.";
            }
        }
        if (errors.Count > 0) return Invalid(errors, "Update customers failed.");
        var now = BigCommerceSeedData.Iso(DateTimeOffset.UtcNow);
        var updated = items.Select(body => bc.Customers.Update(JsonHelpers.Long(body["id"])!.Value, x =>
        {
            JsonHelpers.Merge(x, body, ReadOnly);
            AfterWrite(x);
            x["date_modified"] = now;
        })!).Select(u => bc.NumberAddresses(JsonHelpers.IdOf(u))).ToArray();
        return BigCommerceEnvelopes.Many(updated.Select(u => { u.Remove("addresses"); return u; }), c);
    }

    private static void AfterWrite(JsonObject customer)
    {
        // Access to every channel is written as no channel_ids (or null); customers.v3.yml answers channel_ids only
        // as an array, so such a customer has none.
        if (customer["channel_ids"] is null) customer.Remove("channel_ids");
        // Passwords are write-only on BigCommerce.
        if (customer["authentication"] is JsonObject auth) auth.Remove("new_password");
        customer["address_count"] = (customer["addresses"] as JsonArray)?.Count ?? 0;
    }
}
