using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Pagination;

namespace Switchboard.Connector.BigCommerce;

/// <summary>The BigCommerce entities Switchboard knows, by the names of the API's paths.</summary>
public static class BigCommerceCatalog
{
    /// <summary>v3 lists: <c>?page=&amp;limit=</c>, at most 250 a page, <c>meta.pagination.total_pages</c> ends them.</summary>
    private static readonly IPaginationStyle V3Pages = new PageNumberPagination("page", "limit", 250, "meta.pagination.total_pages");

    /// <summary>v2 lists have no totals: a page shorter than the limit, or 204 No Content, is the last.</summary>
    private static readonly IPaginationStyle V2Pages = new UntilEmptyPagination("page", "limit", PageSize: 250, MaxPageSize: 250);

    private static EntityDefinition V3(string name, string path) => new()
    {
        Name = name, Path = path, ItemsPath = "data", ItemPath = "data", CreatedIdPath = "data.id", Pagination = V3Pages,
    };

    private static EntityDefinition V2(string name, string path) => new()
    {
        Name = name, Path = path, Pagination = V2Pages,
    };

    private static Dictionary<string, EntityDefinition> Nested(Func<string, string, EntityDefinition> shape, params string[] names) =>
        names.ToDictionary(n => n, n => shape(n, n));

    private static readonly IReadOnlySet<string> GetPut = new HashSet<string> { "GET", "PUT" };

    /// <summary>A category's or brand's image is one file uploaded as multipart/form-data (not JSON, so not sent from
    /// here) and deleted at <c>…/{id}/image</c>, with no id of its own and nothing to read.</summary>
    private static EntityDefinition Image() => V3("image", "image") with
    {
        Methods = new HashSet<string> { "DELETE" }, Pagination = null, Singleton = true,
    };

    private static Dictionary<string, EntityDefinition> MetafieldsAndImage() => new()
    {
        ["metafields"] = V3("metafields", "metafields"),
        ["image"] = Image(),
    };

    public static readonly EntityCatalog Instance = new(
    [
        V3("catalog/products", "v3/catalog/products") with
        {
            Nested = Nested(V3, "variants", "images", "custom-fields", "options", "modifiers", "bulk-pricing-rules",
                "reviews", "videos", "metafields", "complex-rules"),
        },
        // Variants of every product: a list, and a batch PUT of an array (an item with an id updates that variant,
        // one with product_id, sku and option_values creates one); there is no catalog/variants/{id}.
        V3("catalog/variants", "v3/catalog/variants") with
        {
            Methods = GetPut, CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in"),
        },
        V3("catalog/categories", "v3/catalog/categories") with { Nested = MetafieldsAndImage() },
        // Category trees: a list, an upsert PUT of an array (no POST, no trees/{id}) and DELETE ?id:in=.
        V3("catalog/trees", "v3/catalog/trees") with
        {
            Methods = new HashSet<string> { "GET", "PUT", "DELETE" }, CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in"),
        },
        V3("catalog/brands", "v3/catalog/brands") with { Nested = MetafieldsAndImage() },
        // v3 customers are written in batches: POST and PUT take arrays, DELETE takes ?id:in=.
        V3("customers", "v3/customers") with { CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in") },
        V3("customers/addresses", "v3/customers/addresses") with { CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in") },
        V3("customers/attributes", "v3/customers/attributes") with { CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in") },
        V2("orders", "v2/orders") with
        {
            // An order's products, coupons, taxes and messages are read-only views of it; its shipping addresses
            // are read and changed one at a time (PUT …/shipping_addresses/{id}); shipments have every verb.
            Nested = new Dictionary<string, EntityDefinition>
            {
                ["products"] = V2("products", "products") with { Methods = HttpMethods.ReadOnly },
                ["shipping_addresses"] = V2("shipping_addresses", "shipping_addresses") with { Methods = GetPut },
                ["shipments"] = V2("shipments", "shipments"),
                ["coupons"] = V2("coupons", "coupons") with { Methods = HttpMethods.ReadOnly },
                ["taxes"] = V2("taxes", "taxes") with { Methods = HttpMethods.ReadOnly },
                ["messages"] = V2("messages", "messages") with { Methods = HttpMethods.ReadOnly },
            },
        },
        V3("orders/transactions", "v3/orders/{order_id}/transactions") with { Methods = HttpMethods.ReadOnly },
        V3("carts", "v3/carts") with { Methods = new HashSet<string> { "GET", "POST", "PUT", "DELETE" }, Pagination = null },
        // Channels are created and changed, never deleted.
        V3("channels", "v3/channels") with { Methods = new HashSet<string> { "GET", "POST", "PUT" } },
        V3("inventory/items", "v3/inventory/items") with { Methods = HttpMethods.ReadOnly },
        V3("pricelists", "v3/pricelists") with
        {
            // A price list's records are upserted by a PUT of an array and deleted by ?variant_id:in=; no POST.
            Nested = new Dictionary<string, EntityDefinition>
            {
                ["records"] = V3("records", "records") with
                {
                    Methods = new HashSet<string> { "GET", "PUT", "DELETE" }, Batch = new BatchWrites("variant_id", "variant_id:in"),
                },
            },
        },
        V3("promotions", "v3/promotions"),
        V3("hooks", "v3/hooks"),
        V2("store", "v2/store") with { Methods = HttpMethods.ReadOnly, Pagination = null, Singleton = true },
    ]);
}
