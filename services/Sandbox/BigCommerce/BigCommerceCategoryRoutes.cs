using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Switchboard.Sandbox.BigCommerceErrors;

namespace Switchboard.Sandbox;

/// <summary>v3 <c>/catalog/categories</c> (categories_catalog.v3.yml: POST requires parent_id and name).</summary>
internal static class BigCommerceCategoryRoutes
{
    private static readonly HashSet<string> Filters = ["id", "name", "parent_id", "page_title", "is_visible"];

    private static readonly HashSet<string> ReadOnly = ["id", "views"];

    public static void Map(RouteGroupBuilder g, BigCommerceEmulator bc)
    {
        g.MapGet("/v3/catalog/categories", (HttpContext c) =>
        {
            var filter = QueryFilter.From(c.Request.Query, Filters);
            var keyword = c.Request.Query["keyword"].ToString();
            if (keyword.Length > 0) filter.Add(o => JsonHelpers.Str(o, "name")?.Contains(keyword, StringComparison.OrdinalIgnoreCase) == true);
            return BigCommerceEnvelopes.Page(bc.Categories.Where(filter.Matches), c);
        });
        g.MapGet("/v3/catalog/categories/{id:long}", (HttpContext c, long id) =>
            bc.Categories.Get(id) is { } cat ? BigCommerceEnvelopes.Single(cat, c) : NotFound(c));
        g.MapPost("/v3/catalog/categories", (HttpContext c) => Create(c, bc));
        g.MapPut("/v3/catalog/categories/{id:long}", (HttpContext c, long id) => Update(c, bc, id));
        g.MapDelete("/v3/catalog/categories/{id:long}", (HttpContext c, long id) =>
            bc.Categories.Remove(id) ? Results.StatusCode(204) : NotFound(c));
        // The image is uploaded as multipart/form-data (not emulated); deleting it empties image_url.
        g.MapDelete("/v3/catalog/categories/{id:long}/image", (HttpContext c, long id) =>
            bc.Categories.Update(id, x => x["image_url"] = "") is null ? NotFound(c) : Results.StatusCode(204));
        g.MapDelete("/v3/catalog/categories", (HttpContext c) =>
        {
            var filter = QueryFilter.From(c.Request.Query, Filters);
            if (filter.IsEmpty) return V3(422, "At least one filter is required to delete categories.", new JsonObject());
            bc.Categories.RemoveWhere(filter.Matches);
            return Results.StatusCode(204);
        });
    }

    private static Dictionary<string, string> Validate(BigCommerceEmulator bc, JsonObject body, bool creating)
    {
        var errors = new Dictionary<string, string>();
        if (creating && body["name"] is null) errors["name"] = Missing;
        if (creating && body["parent_id"] is null) errors["parent_id"] = Missing;
        if (body.ContainsKey("name") && (JsonHelpers.Str(body, "name") is not { } name || name.Trim().Length == 0 || name.Length > 50))
        {
            errors["name"] = "The category name must be a string of 1 to 50 characters.";
        }
        if (body.ContainsKey("parent_id"))
        {
            if (JsonHelpers.Long(body["parent_id"]) is not { } parent) errors["parent_id"] = ExpectedNumber;
            else if (parent != 0 && bc.Categories.Get(parent) is null) errors["parent_id"] = $"Parent category {parent} does not exist.";
        }
        if (body.ContainsKey("is_visible") && !JsonHelpers.IsBool(body["is_visible"])) errors["is_visible"] = ExpectedBoolean;
        if (body.ContainsKey("sort_order") && !JsonHelpers.IsNumber(body["sort_order"])) errors["sort_order"] = ExpectedNumber;
        return errors;
    }

    private static IResult? Duplicate(BigCommerceEmulator bc, JsonObject merged, long? selfId)
    {
        var name = JsonHelpers.Str(merged, "name");
        var parent = JsonHelpers.Long(merged["parent_id"]) ?? 0;
        return bc.Categories.Any(x => JsonHelpers.IdOf(x) != selfId && (JsonHelpers.Long(x["parent_id"]) ?? 0) == parent &&
                                      string.Equals(JsonHelpers.Str(x, "name"), name, StringComparison.OrdinalIgnoreCase))
            ? Conflict("name", "Category name already exists under this parent")
            : null;
    }

    private static IResult Create(HttpContext c, BigCommerceEmulator bc)
    {
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return Invalid(new() { ["body"] = "error.expected.jsobject" });
        var errors = Validate(bc, body, creating: true);
        if (errors.Count > 0) return Invalid(errors);
        var name = JsonHelpers.Str(body, "name")!;
        var category = new JsonObject
        {
            ["parent_id"] = 0, ["name"] = name, ["description"] = "", ["views"] = 0, ["sort_order"] = 0, ["page_title"] = "",
            ["search_keywords"] = "", ["meta_keywords"] = new JsonArray(), ["meta_description"] = "", ["layout_file"] = "category.html",
            ["is_visible"] = true, ["default_product_sort"] = "use_store_settings", ["image_url"] = "",
            ["custom_url"] = new JsonObject { ["url"] = BigCommerceSeedData.Slug(name), ["is_customized"] = false },
        };
        JsonHelpers.Merge(category, body, ReadOnly);
        if (Duplicate(bc, category, null) is { } conflict) return conflict;
        return BigCommerceEnvelopes.Single(bc.Categories.Add(category), c);
    }

    private static IResult Update(HttpContext c, BigCommerceEmulator bc, long id)
    {
        var current = bc.Categories.Get(id);
        if (current is null) return NotFound(c);
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonObject body) return Invalid(new() { ["body"] = "error.expected.jsobject" });
        var errors = Validate(bc, body, creating: false);
        if (errors.Count > 0) return Invalid(errors);
        JsonHelpers.Merge(current, body, ReadOnly);
        if (Duplicate(bc, current, id) is { } conflict) return conflict;
        return BigCommerceEnvelopes.Single(bc.Categories.Update(id, x => JsonHelpers.Merge(x, body, ReadOnly))!, c);
    }
}
