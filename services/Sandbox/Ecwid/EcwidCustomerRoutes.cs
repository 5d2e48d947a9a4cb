using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary><c>/customers</c>: search with <c>keyword</c>, <c>email</c>, <c>createdFrom</c>, <c>updatedFrom</c>; e-mails are unique (409).</summary>
internal static class EcwidCustomerRoutes
{
    private static readonly Dictionary<string, FieldKind> Fields = new()
    {
        ["email"] = FieldKind.String, ["customerGroupId"] = FieldKind.Integer, ["billingPerson"] = FieldKind.Object,
        ["shippingAddresses"] = FieldKind.Array, ["acceptMarketing"] = FieldKind.Boolean, ["lang"] = FieldKind.String,
    };

    private static readonly HashSet<string> ReadOnly = ["id", "registered", "updated", "totalOrderCount", "customerGroupName"];

    public static void Map(RouteGroupBuilder g, EcwidEmulator e)
    {
        g.MapGet("/customers", (HttpContext c) =>
        {
            var q = c.Request.Query;
            var tests = new List<Func<JsonObject, bool>>();
            if (q["keyword"].ToString() is { Length: > 0 } keyword)
            {
                tests.Add(o => o.ToJsonString().Contains(keyword, StringComparison.OrdinalIgnoreCase));
            }
            if (q["email"].ToString() is { Length: > 0 } email)
            {
                tests.Add(o => string.Equals(JsonHelpers.Str(o, "email"), email, StringComparison.OrdinalIgnoreCase));
            }
            if (long.TryParse(q["customerGroup"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var group))
            {
                tests.Add(o => (JsonHelpers.Long(o["customerGroupId"]) ?? 0) == group);
            }
            foreach (var f in new[]
            {
                EcwidEnvelopes.DateFilter(c, "createdFrom", "registered", true), EcwidEnvelopes.DateFilter(c, "createdTo", "registered", false),
                EcwidEnvelopes.DateFilter(c, "updatedFrom", "updated", true), EcwidEnvelopes.DateFilter(c, "updatedTo", "updated", false),
            })
            {
                if (f is not null) tests.Add(f);
            }
            return EcwidEnvelopes.Page(e.Customers.Where(o => tests.All(t => t(o))), c);
        });
        g.MapGet("/customers/{id:long}", (long id) => e.Customers.Get(id) is { } x ? JsonHelpers.Json(200, x) : NotFound(id));
        g.MapPost("/customers", (HttpContext c) =>
        {
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (Check(e, body, null, creating: true) is { } invalid) return invalid;
            var now = EcwidSeedData.Date(DateTimeOffset.UtcNow);
            var customer = new JsonObject
            {
                ["email"] = "", ["totalOrderCount"] = 0, ["customerGroupId"] = 0, ["customerGroupName"] = "General",
                ["billingPerson"] = new JsonObject(), ["acceptMarketing"] = false, ["lang"] = "en",
            };
            JsonHelpers.Merge(customer, body, ReadOnly);
            customer["registered"] = now;
            customer["updated"] = now;
            return EcwidEnvelopes.Created(JsonHelpers.IdOf(e.Customers.Add(customer)));
        });
        g.MapPut("/customers/{id:long}", (HttpContext c, long id) =>
        {
            if (e.Customers.Get(id) is null) return NotFound(id);
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (Check(e, body, id, creating: false) is { } invalid) return invalid;
            e.Customers.Update(id, x =>
            {
                JsonHelpers.Merge(x, body, ReadOnly);
                x["updated"] = EcwidSeedData.Date(DateTimeOffset.UtcNow);
            });
            return EcwidEnvelopes.Updated();
        });
        g.MapDelete("/customers/{id:long}", (long id) =>
        {
            if (!e.Customers.Remove(id)) return NotFound(id);
            e.Deletions.Record("customers", id, DateTimeOffset.UtcNow);
            return EcwidEnvelopes.Deleted();
        });
    }

    private static IResult NotFound(long id) => EcwidErrors.NotFound("Customer", id.ToString(CultureInfo.InvariantCulture), "CUSTOMER_NOT_FOUND");

    private static IResult? Check(EcwidEmulator e, JsonObject body, long? selfId, bool creating)
    {
        if (EcwidValidation.Check(body, Fields, creating ? ["email"] : []) is { } invalid) return invalid;
        if (JsonHelpers.Str(body, "email") is { } email)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(email, @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
            {
                return EcwidErrors.WrongParameter($"Invalid email '{email}'");
            }
            if (e.Customers.Any(x => JsonHelpers.IdOf(x) != selfId && string.Equals(JsonHelpers.Str(x, "email"), email, StringComparison.OrdinalIgnoreCase)))
            {
                return EcwidErrors.Error(409, $"Customer with email '{email}' already exists", "CUSTOMER_ALREADY_EXISTS");
            }
        }
        return null;
    }
}
