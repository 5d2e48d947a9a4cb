using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Switchboard.Sandbox.BigCommerceErrors;

namespace Switchboard.Sandbox;

/// <summary>v3 <c>/catalog/products</c> and nested <c>/variants</c> (products_catalog.v3.yml, product-variants_catalog.v3.yml).</summary>
internal static class BigCommerceProductRoutes
{
    private static readonly HashSet<string> Filters =
    [
        "id", "name", "sku", "type", "is_visible", "is_featured", "is_free_shipping", "price", "weight", "condition",
        "brand_id", "date_modified", "date_created", "date_last_imported", "inventory_level", "total_sold", "categories",
        "availability", "upc", "mpn", "gtin",
    ];

    private static readonly HashSet<string> VariantFilters = ["id", "sku", "product_id", "upc", "price", "inventory_level"];

    private static readonly HashSet<string> ReadOnly = ["id", "date_created", "date_modified", "calculated_price", "base_variant_id", "variants"];

    internal static readonly HashSet<string> VariantReadOnly = ["id", "product_id", "calculated_price", "calculated_weight"];

    private static readonly string[] NumberFields =
        ["weight", "width", "depth", "height", "price", "cost_price", "retail_price", "sale_price", "map_price", "tax_class_id", "brand_id", "inventory_level", "inventory_warning_level", "fixed_cost_shipping_price", "sort_order", "order_quantity_minimum", "order_quantity_maximum"];

    private static readonly string[] BoolFields = ["is_visible", "is_featured", "is_free_shipping", "is_price_hidden", "is_preorder_only", "is_condition_shown"];

    private static readonly string[] StringFields = ["name", "sku", "description", "availability", "condition", "upc", "mpn", "gtin", "search_keywords", "page_title", "meta_description", "warranty"];

    private static readonly string[] VariantNumberFields = ["price", "cost_price", "sale_price", "retail_price", "map_price", "weight", "width", "height", "depth", "inventory_level", "inventory_warning_level"];

    public static void Map(RouteGroupBuilder g, BigCommerceEmulator bc)
    {
        g.MapGet("/v3/catalog/products", (HttpContext c) => List(c, bc));
        g.MapPost("/v3/catalog/products", (HttpContext c) => Create(c, bc));
        g.MapPut("/v3/catalog/products", (HttpContext c) => UpdateBatch(c, bc));
        g.MapDelete("/v3/catalog/products", (HttpContext c) => DeleteMany(c, bc));
        g.MapGet("/v3/catalog/products/{id:long}", (HttpContext c, long id) => Get(c, bc, id));
        g.MapPut("/v3/catalog/products/{id:long}", (HttpContext c, long id) => Update(c, bc, id));
        g.MapDelete("/v3/catalog/products/{id:long}", (HttpContext c, long id) => Delete(c, bc, id));

        g.MapGet("/v3/catalog/variants", (HttpContext c) =>
            BigCommerceEnvelopes.Page(Filtered(bc.Variants.All, c, VariantFilters), c));
        g.MapGet("/v3/catalog/products/{id:long}/variants", (HttpContext c, long id) =>
            bc.Products.Get(id) is null ? NotFound(c) : BigCommerceEnvelopes.Page(Filtered(bc.VariantsOf(id), c, VariantFilters), c));
        g.MapPost("/v3/catalog/products/{id:long}/variants", (HttpContext c, long id) => CreateVariant(c, bc, id));
        g.MapGet("/v3/catalog/products/{id:long}/variants/{variantId:long}", (HttpContext c, long id, long variantId) =>
            VariantOf(bc, id, variantId) is { } v ? BigCommerceEnvelopes.Single(v, c) : NotFound(c));
        g.MapPut("/v3/catalog/products/{id:long}/variants/{variantId:long}", (HttpContext c, long id, long variantId) => UpdateVariant(c, bc, id, variantId));
        g.MapDelete("/v3/catalog/products/{id:long}/variants/{variantId:long}", (HttpContext c, long id, long variantId) =>
        {
            if (VariantOf(bc, id, variantId) is null) return NotFound(c);
            bc.Variants.Remove(variantId);
            return Results.StatusCode(204);
        });
    }

    private static IReadOnlyList<JsonObject> Filtered(IEnumerable<JsonObject> items, HttpContext c, IReadOnlySet<string> fields)
    {
        var filter = QueryFilter.From(c.Request.Query, fields);
        var keyword = c.Request.Query["keyword"].ToString();
        if (keyword.Length > 0)
        {
            filter.Add(o => new[] { "name", "sku", "description" }.Any(f => JsonHelpers.Str(o, f)?.Contains(keyword, StringComparison.OrdinalIgnoreCase) == true));
        }
        var sort = c.Request.Query["sort"].ToString();
        var desc = string.Equals(c.Request.Query["direction"], "desc", StringComparison.OrdinalIgnoreCase);
        return QueryFilter.Sort(items.Where(filter.Matches), sort, desc).ToArray();
    }

    private static bool IncludesVariants(HttpContext c) =>
        c.Request.Query["include"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains("variants");

    private static Func<JsonObject, JsonObject>? Shape(HttpContext c, BigCommerceEmulator bc) =>
        IncludesVariants(c)
            ? p =>
            {
                p["variants"] = new JsonArray(bc.VariantsOf(JsonHelpers.IdOf(p)).Select(v => (JsonNode?)v).ToArray());
                return p;
            }
            : null;

    private static IResult List(HttpContext c, BigCommerceEmulator bc) =>
        BigCommerceEnvelopes.Page(Filtered(bc.Products.All, c, Filters), c, Shape(c, bc));

    private static IResult Get(HttpContext c, BigCommerceEmulator bc, long id)
    {
        var product = bc.Products.Get(id);
        if (product is null) return NotFound(c);
        return BigCommerceEnvelopes.Single(Shape(c, bc)?.Invoke(product) ?? product, c);
    }

    private static Dictionary<string, string> Validate(JsonObject body, bool creating)
    {
        var errors = new Dictionary<string, string>();
        if (creating)
        {
            foreach (var required in new[] { "name", "type", "weight", "price" })
            {
                if (body[required] is null) errors[required] = Missing;
            }
        }
        foreach (var f in StringFields)
        {
            if (body.ContainsKey(f) && body[f] is not null && !JsonHelpers.IsString(body[f])) errors[f] = ExpectedString;
        }
        foreach (var f in NumberFields)
        {
            if (body.ContainsKey(f) && body[f] is not null && !JsonHelpers.IsNumber(body[f])) errors[f] = ExpectedNumber;
        }
        foreach (var f in BoolFields)
        {
            if (body.ContainsKey(f) && body[f] is not null && !JsonHelpers.IsBool(body[f])) errors[f] = ExpectedBoolean;
        }
        if (JsonHelpers.Str(body, "name") is { } name && (name.Trim().Length == 0 || name.Length > 250))
        {
            errors["name"] = "The product name must be between 1 and 250 characters.";
        }
        if (body.ContainsKey("type") && JsonHelpers.Str(body, "type") is not ("physical" or "digital"))
        {
            errors["type"] = "error.expected.validenumvalue: physical, digital";
        }
        if (body.ContainsKey("categories") && (body["categories"] is not JsonArray cats || cats.Any(x => !JsonHelpers.IsInteger(x))))
        {
            errors["categories"] = ExpectedArray;
        }
        if (body.ContainsKey("variants") && body["variants"] is not JsonArray)
        {
            errors["variants"] = ExpectedArray;
        }
        return errors;
    }

    /// <summary>409 checks: name and SKU are unique across products, SKU also across other products' variants; categories must exist.</summary>
    private static IResult? Conflicts(BigCommerceEmulator bc, JsonObject body, long? selfId)
    {
        if (JsonHelpers.Str(body, "name") is { } name &&
            bc.Products.Any(p => JsonHelpers.IdOf(p) != selfId && string.Equals(JsonHelpers.Str(p, "name"), name, StringComparison.OrdinalIgnoreCase)))
        {
            return Conflict("name", "The product name is a duplicate");
        }
        if (JsonHelpers.Str(body, "sku") is { Length: > 0 } sku &&
            (bc.Products.Any(p => JsonHelpers.IdOf(p) != selfId && JsonHelpers.Str(p, "sku") == sku) ||
             bc.Variants.Any(v => JsonHelpers.Long(v["product_id"]) != selfId && JsonHelpers.Str(v, "sku") == sku)))
        {
            return Conflict("sku", $"Sku {sku} is not unique");
        }
        if (body["categories"] is JsonArray cats)
        {
            var missing = cats.Select(JsonHelpers.Long).Where(id => id is not null && bc.Categories.Get(id.Value) is null).ToArray();
            if (missing.Length > 0) return Conflict("categories", $"Category {missing[0]} does not exist");
        }
        return null;
    }

    private static IResult Create(HttpContext c, BigCommerceEmulator bc)
    {
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return Invalid(new() { ["body"] = "error.expected.jsobject" });
        var errors = Validate(body, creating: true);
        if (body["variants"] is JsonArray variants)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                if (variants[i] is not JsonObject v) { errors[$"variants.{i}"] = "error.expected.jsobject"; continue; }
                foreach (var (k, msg) in ValidateVariant(v, creating: true)) errors[$"variants.{i}.{k}"] = msg;
            }
        }
        if (errors.Count > 0) return Invalid(errors);
        if (Conflicts(bc, body, null) is { } conflict) return conflict;
        if (body["variants"] is JsonArray vs && vs.OfType<JsonObject>().Select(v => JsonHelpers.Str(v, "sku")).FirstOrDefault(s => s is not null && SkuTaken(bc, s, null)) is { } dup)
        {
            return Conflict("variants.sku", $"Sku {dup} is not unique");
        }

        var now = BigCommerceSeedData.Iso(DateTimeOffset.UtcNow);
        var name = JsonHelpers.Str(body, "name")!;
        var product = new JsonObject
        {
            ["name"] = name, ["type"] = "physical", ["sku"] = "", ["description"] = "", ["weight"] = 0, ["width"] = 0, ["depth"] = 0, ["height"] = 0,
            ["price"] = 0, ["cost_price"] = 0, ["retail_price"] = 0, ["sale_price"] = 0, ["map_price"] = 0, ["tax_class_id"] = 0, ["calculated_price"] = 0,
            ["categories"] = new JsonArray(), ["brand_id"] = 0, ["inventory_level"] = 0, ["inventory_warning_level"] = 0, ["inventory_tracking"] = "none",
            ["is_free_shipping"] = false, ["is_visible"] = true, ["is_featured"] = false, ["availability"] = "available", ["condition"] = "New",
            ["upc"] = "", ["mpn"] = "", ["gtin"] = "", ["total_sold"] = 0, ["view_count"] = 0,
            ["custom_url"] = new JsonObject { ["url"] = BigCommerceSeedData.Slug(name), ["is_customized"] = false },
            ["date_created"] = now, ["date_modified"] = now,
        };
        JsonHelpers.Merge(product, body, ReadOnly);
        product["calculated_price"] = CalculatedPrice(product);
        var stored = bc.Products.Add(product);
        var id = JsonHelpers.IdOf(stored);
        var baseVariant = bc.Variants.Add(BigCommerceSeedData.BaseVariant(stored));
        stored = bc.Products.Update(id, p => p["base_variant_id"] = JsonHelpers.IdOf(baseVariant))!;
        if (body["variants"] is JsonArray extra)
        {
            foreach (var v in extra.OfType<JsonObject>()) bc.Variants.Add(NewVariant(stored, v));
        }
        return BigCommerceEnvelopes.Single(Shape(c, bc)?.Invoke(stored) ?? stored, c);
    }

    private static JsonNode CalculatedPrice(JsonObject p)
    {
        var sale = JsonHelpers.Dec(p["sale_price"]) ?? 0;
        return sale > 0 ? sale : JsonHelpers.Dec(p["price"]) ?? 0;
    }

    private static IResult Update(HttpContext c, BigCommerceEmulator bc, long id)
    {
        if (bc.Products.Get(id) is null) return NotFound(c);
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return Invalid(new() { ["body"] = "error.expected.jsobject" });
        return Apply(c, bc, id, body) is { } failure ? failure : BigCommerceEnvelopes.Single(bc.Products.Get(id)!, c);
    }

    /// <summary>Partial update; null on success, the error response otherwise.</summary>
    private static IResult? Apply(HttpContext c, BigCommerceEmulator bc, long id, JsonObject body, string prefix = "")
    {
        var errors = Validate(body, creating: false);
        if (errors.Count > 0) return Invalid(errors.ToDictionary(kv => prefix + kv.Key, kv => kv.Value));
        if (Conflicts(bc, body, id) is { } conflict) return conflict;
        var updated = bc.Products.Update(id, p =>
        {
            JsonHelpers.Merge(p, body, ReadOnly);
            p["calculated_price"] = CalculatedPrice(p);
            p["date_modified"] = BigCommerceSeedData.Iso(DateTimeOffset.UtcNow);
        });
        if (updated is null) return NotFound(c);
        // The base variant carries the product's SKU on BigCommerce; keep them in step.
        if (body.ContainsKey("sku") && JsonHelpers.Long(updated["base_variant_id"]) is { } baseId)
        {
            bc.Variants.Update(baseId, v => v["sku"] = updated["sku"]?.DeepClone());
        }
        return null;
    }

    private static IResult UpdateBatch(HttpContext c, BigCommerceEmulator bc)
    {
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonArray items) return Invalid(new() { ["body"] = ExpectedArray });
        if (items.Count > 10)
        {
            return V3(413, "The request payload is too large. The maximum items allowed in the array is 10.", new JsonObject());
        }
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject o || JsonHelpers.Long(o["id"]) is not { } id) errors[$"{i}.id"] = Missing;
            else if (bc.Products.Get(id) is null) errors[$"{i}.id"] = $"Product {id} does not exist";
        }
        if (errors.Count > 0) return Invalid(errors);
        var ids = new List<long>();
        for (var i = 0; i < items.Count; i++)
        {
            var o = (JsonObject)items[i]!;
            var id = JsonHelpers.Long(o["id"])!.Value;
            if (Apply(c, bc, id, o, $"{i}.") is { } failure) return failure;
            ids.Add(id);
        }
        return BigCommerceEnvelopes.Many(ids.Select(id => bc.Products.Get(id)!), c);
    }

    private static IResult Delete(HttpContext c, BigCommerceEmulator bc, long id)
    {
        if (!bc.Products.Remove(id)) return NotFound(c);
        bc.Variants.RemoveWhere(v => JsonHelpers.Long(v["product_id"]) == id);
        return Results.StatusCode(204);
    }

    // The spec requires a filter so a bare DELETE cannot empty the catalog.
    private static IResult DeleteMany(HttpContext c, BigCommerceEmulator bc)
    {
        var filter = QueryFilter.From(c.Request.Query, Filters);
        if (filter.IsEmpty) return V3(422, "At least one filter is required to delete products.", new JsonObject());
        foreach (var p in bc.Products.Where(filter.Matches))
        {
            var id = JsonHelpers.IdOf(p);
            bc.Products.Remove(id);
            bc.Variants.RemoveWhere(v => JsonHelpers.Long(v["product_id"]) == id);
        }
        return Results.StatusCode(204);
    }

    private static JsonObject? VariantOf(BigCommerceEmulator bc, long productId, long variantId) =>
        bc.Variants.Get(variantId) is { } v && JsonHelpers.Long(v["product_id"]) == productId ? v : null;

    internal static Dictionary<string, string> ValidateVariant(JsonObject body, bool creating)
    {
        var errors = new Dictionary<string, string>();
        if (creating && body["sku"] is null) errors["sku"] = Missing;
        if (body.ContainsKey("sku") && !JsonHelpers.IsString(body["sku"])) errors["sku"] = ExpectedString;
        foreach (var f in VariantNumberFields)
        {
            if (body[f] is not null && !JsonHelpers.IsNumber(body[f])) errors[f] = ExpectedNumber;
        }
        if (body.ContainsKey("option_values") && body["option_values"] is not JsonArray) errors["option_values"] = ExpectedArray;
        return errors;
    }

    internal static bool SkuTaken(BigCommerceEmulator bc, string sku, long? selfVariantId) =>
        bc.Variants.Any(v => JsonHelpers.IdOf(v) != selfVariantId && JsonHelpers.Str(v, "sku") == sku) ||
        bc.Products.Any(p => JsonHelpers.Str(p, "sku") == sku);

    internal static JsonObject NewVariant(JsonObject product, JsonObject body)
    {
        var variant = BigCommerceSeedData.BaseVariant(product);
        JsonHelpers.Merge(variant, body, VariantReadOnly);
        variant["calculated_price"] = body["price"]?.DeepClone() ?? product["calculated_price"]?.DeepClone();
        return variant;
    }

    private static IResult CreateVariant(HttpContext c, BigCommerceEmulator bc, long productId)
    {
        var product = bc.Products.Get(productId);
        if (product is null) return NotFound(c);
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return Invalid(new() { ["body"] = "error.expected.jsobject" });
        var errors = ValidateVariant(body, creating: true);
        if (errors.Count > 0) return Invalid(errors);
        var sku = JsonHelpers.Str(body, "sku")!;
        if (SkuTaken(bc, sku, null)) return Conflict("sku", $"Sku {sku} is not unique");
        return BigCommerceEnvelopes.Single(bc.Variants.Add(NewVariant(product, body)), c);
    }

    private static IResult UpdateVariant(HttpContext c, BigCommerceEmulator bc, long productId, long variantId)
    {
        if (VariantOf(bc, productId, variantId) is null) return NotFound(c);
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return Invalid(new() { ["body"] = "error.expected.jsobject" });
        var errors = ValidateVariant(body, creating: false);
        if (errors.Count > 0) return Invalid(errors);
        if (JsonHelpers.Str(body, "sku") is { } sku &&
            (bc.Variants.Any(v => JsonHelpers.IdOf(v) != variantId && JsonHelpers.Str(v, "sku") == sku) ||
             bc.Products.Any(p => JsonHelpers.IdOf(p) != productId && JsonHelpers.Str(p, "sku") == sku)))
        {
            return Conflict("sku", $"Sku {sku} is not unique");
        }
        var updated = bc.Variants.Update(variantId, v =>
        {
            JsonHelpers.Merge(v, body, VariantReadOnly);
            if (body.ContainsKey("price")) v["calculated_price"] = body["price"]?.DeepClone();
        })!;
        return BigCommerceEnvelopes.Single(updated, c);
    }
}
