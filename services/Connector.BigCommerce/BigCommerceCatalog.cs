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

    public static readonly EntityCatalog Instance = new(
    [
        V3("catalog/products", "v3/catalog/products") with
        {
            Nested = Nested(V3, "variants", "images", "custom-fields", "options", "modifiers", "bulk-pricing-rules",
                "reviews", "videos", "metafields", "complex-rules"),
        },
        V3("catalog/variants", "v3/catalog/variants") with { Methods = new HashSet<string> { "GET", "PUT" } },
        V3("catalog/categories", "v3/catalog/categories") with { Nested = Nested(V3, "metafields", "image") },
        V3("catalog/trees", "v3/catalog/trees"),
        V3("catalog/brands", "v3/catalog/brands") with { Nested = Nested(V3, "metafields", "image") },
        // v3 customers are written in batches: POST and PUT take arrays, DELETE takes ?id:in=.
        V3("customers", "v3/customers") with { CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in") },
        V3("customers/addresses", "v3/customers/addresses") with { CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in") },
        V3("customers/attributes", "v3/customers/attributes") with { CreatedIdPath = "data[0].id", Batch = new BatchWrites("id", "id:in") },
        V2("orders", "v2/orders") with
        {
            Nested = Nested(V2, "products", "shipping_addresses", "shipments", "coupons", "taxes", "messages"),
        },
        V3("orders/transactions", "v3/orders/{order_id}/transactions") with { Methods = HttpMethods.ReadOnly },
        V3("carts", "v3/carts") with { Methods = new HashSet<string> { "GET", "POST", "PUT", "DELETE" }, Pagination = null },
        V3("channels", "v3/channels"),
        V3("inventory/items", "v3/inventory/items") with { Methods = HttpMethods.ReadOnly },
        V3("pricelists", "v3/pricelists") with { Nested = Nested(V3, "records") },
        V3("promotions", "v3/promotions"),
        V3("hooks", "v3/hooks"),
        V2("store", "v2/store") with { Methods = HttpMethods.ReadOnly, Pagination = null, Singleton = true },
    ]);
}
