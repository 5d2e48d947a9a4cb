using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>Objects under one object (<c>/{object}/{id}/{nested}</c>). CS-Cart reads the parent first and answers its
/// 404 when it does not exist (Tygh\Api::getResponseFromEntity).</summary>
internal static class CsCartNestedRoutes
{
    public static void Map(RouteGroupBuilder g, CsCartEmulator e)
    {
        // categories/{id}/products: the Products entity's index with cid = the category.
        ProductsOf(g, e, e.CategoryObject, (product, id) => CsCartJson.Ids(product["category_ids"]).Contains(id));
        // stores/{company_id}/products and vendors/{company_id}/products: the store's or vendor's own products.
        ProductsOf(g, e, e.StoreObject, (product, id) => CsCartJson.Long(product["company_id"]) == id);
        ProductsOf(g, e, e.VendorObject, (product, id) => CsCartJson.Long(product["company_id"]) == id);

        // products/{id}/features: fn_get_product_features() is keyed by feature_id, so the list is an object of objects.
        g.MapGet("/products/{id}/features", (HttpContext c, string id) =>
        {
            if (CsCartObjectRoutes.Find(e.ProductObject, id) is not { } product) return CsCartErrors.Error(404);
            var values = product["product_features"] as JsonObject ?? [];
            var features = values.Select(v => Feature(e, v.Key, v.Value)).OfType<JsonObject>().ToArray();
            return CsCartEnvelopes.Page(c, "features", features, keyedById: true, idKey: "feature_id");
        });

        // products/{id}/discussions[/{post_id}]: the product's reviews and comments (discussions.rst).
        var discussions = e.DiscussionObject;
        bool OfProduct(JsonObject post, long id) => CsCartJson.Text(post["object_type"]) == "P" && CsCartJson.Long(post["object_id"]) == id;
        g.MapGet("/products/{id}/discussions", (HttpContext c, string id) =>
            Parent(e.ProductObject, id) is { } pid ? CsCartObjectRoutes.List(c, discussions, post => OfProduct(post, pid)) : CsCartErrors.Error(404));
        g.MapPost("/products/{id}/discussions", (HttpContext c, string id) =>
            Parent(e.ProductObject, id) is { } pid
                ? CsCartObjectRoutes.Create(e, c, discussions, body =>
                {
                    body["object_type"] = "P";
                    body["object_id"] = pid;
                    return body;
                })
                : CsCartErrors.Error(404));
        g.MapGet("/products/{id}/discussions/{postId}", (string id, string postId) =>
            Parent(e.ProductObject, id) is { } pid && CsCartObjectRoutes.Find(discussions, postId) is { } post && OfProduct(post, pid)
                ? JsonHelpers.Json(200, CsCartJson.Loose(post))
                : CsCartErrors.Error(404));
        // A post of another product is not found under this one, for writes as for reads.
        bool Owns(string id, string postId) =>
            Parent(e.ProductObject, id) is { } pid && CsCartObjectRoutes.Find(discussions, postId) is { } post && OfProduct(post, pid);
        g.MapPut("/products/{id}/discussions/{postId}", (HttpContext c, string id, string postId) =>
            Owns(id, postId) ? CsCartObjectRoutes.Update(e, c, discussions, postId) : CsCartErrors.Error(404));
        g.MapDelete("/products/{id}/discussions/{postId}", (string id, string postId) =>
            Owns(id, postId) ? CsCartObjectRoutes.Delete(discussions, postId) : CsCartErrors.Error(404));
    }

    private static void ProductsOf(RouteGroupBuilder g, CsCartEmulator e, CsCartObject parent, Func<JsonObject, long, bool> belongs) =>
        g.MapGet($"/{parent.Name}/{{id}}/products", (HttpContext c, string id) =>
            Parent(parent, id) is { } pid
                ? CsCartObjectRoutes.List(c, e.ProductObject, product => belongs(product, pid))
                : CsCartErrors.Error(404));

    private static long? Parent(CsCartObject parent, string id) =>
        CsCartObjectRoutes.Find(parent, id) is { } found ? JsonHelpers.IdOf(found, parent.IdKey) : null;

    /// <summary>The feature's definition with the product's value for it.</summary>
    private static JsonObject? Feature(CsCartEmulator e, string featureId, JsonNode? value)
    {
        if (CsCartObjectRoutes.Find(e.FeatureObject, featureId) is not { } feature) return null;
        feature["value"] = value?.DeepClone();
        return feature;
    }
}
