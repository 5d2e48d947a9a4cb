using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary><c>/categories</c>: search with <c>parent</c>, <c>keyword</c>, <c>hidden_categories</c>.</summary>
internal static class EcwidCategoryRoutes
{
    private static readonly Dictionary<string, FieldKind> Fields = new()
    {
        ["name"] = FieldKind.String, ["parentId"] = FieldKind.Integer, ["orderBy"] = FieldKind.Integer,
        ["enabled"] = FieldKind.Boolean, ["description"] = FieldKind.String, ["productIds"] = FieldKind.Array,
    };

    private static readonly HashSet<string> ReadOnly = ["id", "url", "productCount"];

    public static void Map(RouteGroupBuilder g, EcwidEmulator e)
    {
        g.MapGet("/categories", (HttpContext c) =>
        {
            var q = c.Request.Query;
            var tests = new List<Func<JsonObject, bool>>();
            if (long.TryParse(q["parent"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent))
            {
                tests.Add(o => (JsonHelpers.Long(o["parentId"]) ?? 0) == parent);
            }
            if (q["keyword"].ToString() is { Length: > 0 } keyword)
            {
                tests.Add(o => JsonHelpers.Str(o, "name")?.Contains(keyword, StringComparison.OrdinalIgnoreCase) == true);
            }
            // Disabled categories are only listed on request.
            if (JsonHelpers.ParseBool(q["hidden_categories"]) != true) tests.Add(o => o["enabled"]?.GetValue<bool>() != false);
            var items = e.Categories.Where(o => tests.All(t => t(o))).Select(o => Counted(e, o)).ToArray();
            return EcwidEnvelopes.Page(items, c);
        });
        g.MapGet("/categories/{id:long}", (long id) => e.Categories.Get(id) is { } cat ? JsonHelpers.Json(200, Counted(e, cat)) : NotFound(id));
        g.MapPost("/categories", (HttpContext c) =>
        {
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (Check(e, body, creating: true) is { } invalid) return invalid;
            var category = new JsonObject { ["parentId"] = 0, ["orderBy"] = 0, ["name"] = "", ["enabled"] = true };
            JsonHelpers.Merge(category, body, ReadOnly);
            var stored = e.Categories.Add(category);
            var id = JsonHelpers.IdOf(stored);
            e.Categories.Update(id, x => x["url"] = $"https://store{e.StoreId}.company.site/products/c{id}");
            return EcwidEnvelopes.Created(id);
        });
        g.MapPut("/categories/{id:long}", (HttpContext c, long id) =>
        {
            if (e.Categories.Get(id) is null) return NotFound(id);
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (Check(e, body, creating: false) is { } invalid) return invalid;
            e.Categories.Update(id, x => JsonHelpers.Merge(x, body, ReadOnly));
            return EcwidEnvelopes.Updated();
        });
        g.MapDelete("/categories/{id:long}", (long id) => e.Categories.Remove(id) ? EcwidEnvelopes.Deleted() : NotFound(id));
    }

    private static IResult NotFound(long id) => EcwidErrors.NotFound("Category", id.ToString(CultureInfo.InvariantCulture), "CATEGORY_NOT_FOUND");

    private static IResult? Check(EcwidEmulator e, JsonObject body, bool creating)
    {
        if (EcwidValidation.Check(body, Fields, creating ? ["name"] : []) is { } invalid) return invalid;
        if (JsonHelpers.Long(body["parentId"]) is { } parent && parent != 0 && e.Categories.Get(parent) is null)
        {
            return EcwidErrors.WrongParameter($"Parent category #{parent} not found");
        }
        return null;
    }

    private static JsonObject Counted(EcwidEmulator e, JsonObject category)
    {
        var id = JsonHelpers.IdOf(category);
        category["productCount"] = e.Products.Where(p => p["categoryIds"] is JsonArray a && a.Any(x => JsonHelpers.Long(x) == id)).Count;
        return category;
    }
}
