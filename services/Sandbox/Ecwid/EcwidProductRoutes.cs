using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary><c>/products</c> and <c>/products/{id}/combinations</c> (a bare array, not the search envelope).</summary>
internal static class EcwidProductRoutes
{
    private static readonly Dictionary<string, FieldKind> Fields = new()
    {
        ["name"] = FieldKind.String, ["sku"] = FieldKind.String, ["price"] = FieldKind.Number, ["compareToPrice"] = FieldKind.Number,
        ["quantity"] = FieldKind.Integer, ["unlimited"] = FieldKind.Boolean, ["enabled"] = FieldKind.Boolean, ["weight"] = FieldKind.Number,
        ["description"] = FieldKind.String, ["categoryIds"] = FieldKind.Array, ["defaultCategoryId"] = FieldKind.Integer,
        ["isShippingRequired"] = FieldKind.Boolean, ["options"] = FieldKind.Array, ["attributes"] = FieldKind.Array,
    };

    private static readonly Dictionary<string, FieldKind> CombinationFields = new()
    {
        ["sku"] = FieldKind.String, ["price"] = FieldKind.Number, ["quantity"] = FieldKind.Integer, ["unlimited"] = FieldKind.Boolean,
        ["weight"] = FieldKind.Number, ["options"] = FieldKind.Array,
    };

    private static readonly HashSet<string> ReadOnly = ["id", "created", "createTimestamp", "updated", "updateTimestamp", "url", "inStock", "combinations"];

    private static readonly HashSet<string> CombinationReadOnly = ["id", "productId", "combinationNumber", "inStock"];

    public static void Map(RouteGroupBuilder g, EcwidEmulator e)
    {
        g.MapGet("/products", (HttpContext c) => EcwidEnvelopes.Page(Search(e, c), c));
        g.MapPost("/products", (HttpContext c) => Create(c, e));
        g.MapGet("/products/{id:long}", (HttpContext c, long id) =>
            e.Products.Get(id) is { } p ? JsonHelpers.Json(200, WithCombinations(e, p)) : NotFound(id));
        g.MapPut("/products/{id:long}", (HttpContext c, long id) => Update(c, e, id));
        g.MapDelete("/products/{id:long}", (HttpContext c, long id) =>
        {
            if (!e.Products.Remove(id)) return NotFound(id);
            e.Combinations.RemoveWhere(x => JsonHelpers.Long(x["productId"]) == id);
            e.Deletions.Record("products", id, DateTimeOffset.UtcNow);
            return EcwidEnvelopes.Deleted();
        });

        g.MapGet("/products/{id:long}/combinations", (HttpContext c, long id) =>
            e.Products.Get(id) is null ? NotFound(id) : JsonHelpers.Json(200, new JsonArray(e.CombinationsOf(id).Select(x => (JsonNode?)x).ToArray())));
        g.MapPost("/products/{id:long}/combinations", (HttpContext c, long id) => CreateCombination(c, e, id));
        g.MapDelete("/products/{id:long}/combinations", (HttpContext c, long id) =>
            e.Products.Get(id) is null ? NotFound(id) : EcwidEnvelopes.Deleted(e.Combinations.RemoveWhere(x => JsonHelpers.Long(x["productId"]) == id)));
        g.MapGet("/products/{id:long}/combinations/{combinationId:long}", (HttpContext c, long id, long combinationId) =>
            e.Products.Get(id) is null ? NotFound(id)
            : CombinationOf(e, id, combinationId) is { } x ? JsonHelpers.Json(200, x) : CombinationNotFound(combinationId));
        g.MapPut("/products/{id:long}/combinations/{combinationId:long}", (HttpContext c, long id, long combinationId) => UpdateCombination(c, e, id, combinationId));
        g.MapDelete("/products/{id:long}/combinations/{combinationId:long}", (HttpContext c, long id, long combinationId) =>
        {
            if (e.Products.Get(id) is null) return NotFound(id);
            if (CombinationOf(e, id, combinationId) is null) return CombinationNotFound(combinationId);
            e.Combinations.Remove(combinationId);
            return EcwidEnvelopes.Deleted();
        });
    }

    private static IResult NotFound(long id) => EcwidErrors.NotFound("Product", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "PRODUCT_NOT_FOUND");

    private static IResult CombinationNotFound(long id) =>
        EcwidErrors.NotFound("Combination", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "COMBINATION_NOT_FOUND");

    private static JsonObject WithCombinations(EcwidEmulator e, JsonObject p)
    {
        p["combinations"] = new JsonArray(e.CombinationsOf(JsonHelpers.IdOf(p)).Select(x => (JsonNode?)x).ToArray());
        return p;
    }

    private static IReadOnlyList<JsonObject> Search(EcwidEmulator e, HttpContext c)
    {
        var q = c.Request.Query;
        var tests = new List<Func<JsonObject, bool>>();
        if (q["keyword"].ToString() is { Length: > 0 } keyword)
        {
            tests.Add(o => new[] { "name", "sku", "description" }.Any(f => JsonHelpers.Str(o, f)?.Contains(keyword, StringComparison.OrdinalIgnoreCase) == true));
        }
        if (q["sku"].ToString() is { Length: > 0 } sku)
        {
            tests.Add(o => JsonHelpers.Str(o, "sku") == sku || e.CombinationsOf(JsonHelpers.IdOf(o)).Any(x => JsonHelpers.Str(x, "sku") == sku));
        }
        if (JsonHelpers.ParseBool(q["enabled"]) is { } enabled) tests.Add(o => (o["enabled"]?.GetValue<bool>() ?? true) == enabled);
        if (JsonHelpers.ParseBool(q["inStock"]) is { } inStock) tests.Add(o => (o["inStock"]?.GetValue<bool>() ?? true) == inStock);
        if (JsonHelpers.ParseIdList(q["productId"]) is { Count: > 0 } ids) tests.Add(o => ids.Contains(JsonHelpers.IdOf(o)));
        if (long.TryParse(q["category"], out var category))
        {
            tests.Add(o => o["categoryIds"] is JsonArray a && a.Any(x => JsonHelpers.Long(x) == category));
        }
        if (decimal.TryParse(q["priceFrom"], System.Globalization.CultureInfo.InvariantCulture, out var priceFrom)) tests.Add(o => (JsonHelpers.Dec(o["price"]) ?? 0) >= priceFrom);
        if (decimal.TryParse(q["priceTo"], System.Globalization.CultureInfo.InvariantCulture, out var priceTo)) tests.Add(o => (JsonHelpers.Dec(o["price"]) ?? 0) <= priceTo);
        foreach (var f in new[]
        {
            EcwidEnvelopes.DateFilter(c, "updatedFrom", "updated", true), EcwidEnvelopes.DateFilter(c, "updatedTo", "updated", false),
            EcwidEnvelopes.DateFilter(c, "createdFrom", "created", true), EcwidEnvelopes.DateFilter(c, "createdTo", "created", false),
        })
        {
            if (f is not null) tests.Add(f);
        }
        return EcwidValidation.Sort(e.Products.Where(o => tests.All(t => t(o))), q["sortBy"]).ToArray();
    }

    private static IResult? CheckProduct(EcwidEmulator e, JsonObject body, long? selfId, bool creating)
    {
        if (EcwidValidation.Check(body, Fields, creating ? ["name"] : []) is { } invalid) return invalid;
        if (body.ContainsKey("name") && JsonHelpers.Str(body, "name") is { } n && n.Trim().Length == 0) return EcwidErrors.WrongParameter("Field 'name' is required");
        if (JsonHelpers.Dec(body["price"]) is < 0) return EcwidErrors.WrongParameter("Field 'price' can't be negative");
        if (body["categoryIds"] is JsonArray cats)
        {
            var missing = cats.Select(JsonHelpers.Long).Where(id => id is null || e.Categories.Get(id.Value) is null).ToArray();
            if (missing.Length > 0) return EcwidErrors.Error(404, "Categories with specified IDs were not found", "CATEGORIES_NOT_FOUND");
        }
        if (JsonHelpers.Str(body, "sku") is { Length: > 0 } sku && SkuTaken(e, sku, selfId, null))
        {
            return EcwidErrors.Error(409, $"Product with SKU '{sku}' already exists", "SKU_ALREADY_EXISTS");
        }
        return null;
    }

    private static bool SkuTaken(EcwidEmulator e, string sku, long? productId, long? combinationId) =>
        e.Products.WithValue("sku", sku).Any(p => JsonHelpers.IdOf(p) != productId) ||
        e.Combinations.WithValue("sku", sku).Any(x => JsonHelpers.IdOf(x) != combinationId);

    private static IResult Create(HttpContext c, EcwidEmulator e)
    {
        if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
        if (CheckProduct(e, body, null, creating: true) is { } invalid) return invalid;
        var now = DateTimeOffset.UtcNow;
        var product = new JsonObject
        {
            ["sku"] = null, ["name"] = "", ["price"] = 0, ["quantity"] = 0, ["unlimited"] = true, ["inStock"] = true, ["enabled"] = true,
            ["weight"] = 0, ["description"] = "", ["categoryIds"] = new JsonArray(), ["defaultCategoryId"] = 0, ["isShippingRequired"] = true,
        };
        JsonHelpers.Merge(product, body, ReadOnly);
        if (body.ContainsKey("quantity") && !body.ContainsKey("unlimited")) product["unlimited"] = false;
        SetStock(product);
        EcwidSeedData.Stamp(product, "created", "createTimestamp", now);
        EcwidSeedData.Stamp(product, "updated", "updateTimestamp", now);
        var stored = e.Products.Add(product);
        var id = JsonHelpers.IdOf(stored);
        // Ecwid generates a SKU when none is given.
        e.Products.Update(id, p =>
        {
            if (JsonHelpers.Str(p, "sku") is not { Length: > 0 }) p["sku"] = id.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            p["url"] = $"https://store{e.StoreId}.company.site/products/p{id}";
        });
        return EcwidEnvelopes.Created(id);
    }

    /// <summary>Ecwid answers a product with unlimited stock with <c>"unlimited": true, "inStock": true</c> and no
    /// <c>quantity</c> (its inventory is not tracked); a tracked one always has a quantity.</summary>
    private static void SetStock(JsonObject o)
    {
        var unlimited = o["unlimited"]?.GetValue<bool>() == true;
        if (unlimited) o.Remove("quantity");
        else o["quantity"] ??= 0;
        o["inStock"] = unlimited || (JsonHelpers.Long(o["quantity"]) ?? 0) > 0;
    }

    private static IResult Update(HttpContext c, EcwidEmulator e, long id)
    {
        if (e.Products.Get(id) is null) return NotFound(id);
        if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
        if (CheckProduct(e, body, id, creating: false) is { } invalid) return invalid;
        e.Products.Update(id, p =>
        {
            JsonHelpers.Merge(p, body, ReadOnly);
            if (body.ContainsKey("quantity") && !body.ContainsKey("unlimited")) p["unlimited"] = false;
            SetStock(p);
            EcwidSeedData.Stamp(p, "updated", "updateTimestamp", DateTimeOffset.UtcNow);
        });
        return EcwidEnvelopes.Updated();
    }

    private static JsonObject? CombinationOf(EcwidEmulator e, long productId, long combinationId) =>
        e.Combinations.Get(combinationId) is { } x && JsonHelpers.Long(x["productId"]) == productId ? x : null;

    private static IResult CreateCombination(HttpContext c, EcwidEmulator e, long productId)
    {
        var product = e.Products.Get(productId);
        if (product is null) return NotFound(productId);
        if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
        if (EcwidValidation.Check(body, CombinationFields, "options") is { } invalid) return invalid;
        if (JsonHelpers.Str(body, "sku") is { Length: > 0 } sku && SkuTaken(e, sku, null, null))
        {
            return EcwidErrors.Error(409, $"Product with SKU '{sku}' already exists", "SKU_ALREADY_EXISTS");
        }
        var number = e.CombinationsOf(productId).Count + 1;
        var combination = new JsonObject
        {
            ["productId"] = productId,
            ["combinationNumber"] = number,
            ["options"] = new JsonArray(),
            ["sku"] = $"{product["sku"]?.GetValue<string>()}-{number}",
            ["quantity"] = 0,
            ["unlimited"] = false,
            ["inStock"] = false,
        };
        JsonHelpers.Merge(combination, body, CombinationReadOnly);
        SetStock(combination);
        return EcwidEnvelopes.Created(JsonHelpers.IdOf(e.Combinations.Add(combination)));
    }

    private static IResult UpdateCombination(HttpContext c, EcwidEmulator e, long productId, long combinationId)
    {
        if (e.Products.Get(productId) is null) return NotFound(productId);
        if (CombinationOf(e, productId, combinationId) is null) return CombinationNotFound(combinationId);
        if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
        if (EcwidValidation.Check(body, CombinationFields) is { } invalid) return invalid;
        if (JsonHelpers.Str(body, "sku") is { Length: > 0 } sku && SkuTaken(e, sku, null, combinationId))
        {
            return EcwidErrors.Error(409, $"Product with SKU '{sku}' already exists", "SKU_ALREADY_EXISTS");
        }
        e.Combinations.Update(combinationId, x =>
        {
            JsonHelpers.Merge(x, body, CombinationReadOnly);
            SetStock(x);
        });
        return EcwidEnvelopes.Updated();
    }
}
