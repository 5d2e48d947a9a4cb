using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Switchboard.Sandbox.BigCommerceErrors;

namespace Switchboard.Sandbox;

/// <summary><c>PUT /v3/catalog/variants</c> (product-variants_catalog.v3.yml, "Update Variants (Batch)"): an array of at
/// most 50 variants; an item with an <c>id</c> updates that variant, one without creates a variant of its
/// <c>product_id</c> with its <c>sku</c>. Every item is checked before any is written; the answer lists them all.</summary>
internal static class BigCommerceVariantBatchRoutes
{
    private const int BatchLimit = 50;

    public static void Map(RouteGroupBuilder g, BigCommerceEmulator bc) =>
        g.MapPut("/v3/catalog/variants", (HttpContext c) => Upsert(c, bc));

    private static IResult Upsert(HttpContext c, BigCommerceEmulator bc)
    {
        var (node, error) = bc.Body(c);
        if (error is not null) return error;
        if (node is not JsonArray array) return Invalid(new() { ["body"] = ExpectedArray });
        if (array.Count > BatchLimit)
            return V3(413, $"The request payload is too large. The maximum items allowed in the array is {BatchLimit}.", new JsonObject());
        var items = new List<JsonObject>();
        var errors = new Dictionary<string, string>();
        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                errors[$"{i}"] = "error.expected.jsobject";
                continue;
            }
            items.Add(item);
            var id = JsonHelpers.Long(item["id"]);
            foreach (var (field, message) in BigCommerceProductRoutes.ValidateVariant(item, creating: id is null))
                errors[$"{i}.{field}"] = message;
            if (id is { } existing && bc.Variants.Get(existing) is null) errors[$"{i}.id"] = $"Variant {existing} does not exist";
            if (id is null && (JsonHelpers.Long(item["product_id"]) is not { } product || bc.Products.Get(product) is null))
                errors[$"{i}.product_id"] = item["product_id"] is null ? Missing : "Product does not exist";
            if (JsonHelpers.Str(item, "sku") is { } sku && (!skus.Add(sku) || BigCommerceProductRoutes.SkuTaken(bc, sku, id)))
                errors[$"{i}.sku"] = $"Sku {sku} is not unique";
        }
        if (errors.Count > 0) return Invalid(errors);

        var written = items.Select(item => JsonHelpers.Long(item["id"]) is { } id
            ? bc.Variants.Update(id, v =>
            {
                JsonHelpers.Merge(v, item, BigCommerceProductRoutes.VariantReadOnly);
                if (item.ContainsKey("price")) v["calculated_price"] = item["price"]?.DeepClone();
            })!
            : bc.Variants.Add(BigCommerceProductRoutes.NewVariant(bc.Products.Get(JsonHelpers.Long(item["product_id"])!.Value)!, item)));
        return BigCommerceEnvelopes.Many(written.ToArray(), c);
    }
}
