using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Pagination;

namespace Switchboard.Connector.CsCart;

/// <summary>The CS-Cart objects Switchboard knows, by their API 2.0 names. A list keeps its items under the object's
/// plural name (<c>{"products": […], "params": {…}}</c>); a create answers <c>{"product_id": "245"}</c>.</summary>
public static class CsCartCatalog
{
    /// <summary><c>?page=&amp;items_per_page=</c>; the answer's <c>params</c> repeat both and add <c>total_items</c>
    /// (a string). The store's default page size is only 10, so ask for 100.</summary>
    private static readonly IPaginationStyle Pages =
        new TotalItemsPagination("page", "items_per_page", 100, "params.total_items", "params.items_per_page");

    private static readonly IReadOnlySet<string> GetPost = new HashSet<string> { "GET", "POST" };
    private static readonly IReadOnlySet<string> GetPut = new HashSet<string> { "GET", "PUT" };
    private static readonly IReadOnlySet<string> GetDelete = new HashSet<string> { "GET", "DELETE" };

    /// <param name="items">The list's key (the plural name).</param>
    /// <param name="id">The key of the id a create answers with.</param>
    private static EntityDefinition Object(string name, string items, string id) => new()
    {
        Name = name, Path = "api/2.0/" + name, ItemsPath = items, CreatedIdPath = id, Pagination = Pages,
    };

    /// <summary>A list under one object, e.g. <c>categories/{id}/products</c>; its path is the segment after the id.</summary>
    private static EntityDefinition Under(string name, string items, string id) => new()
    {
        Name = name, Path = name, ItemsPath = items, CreatedIdPath = id, Pagination = Pages,
    };

    private static Dictionary<string, EntityDefinition> Nested(params EntityDefinition[] entities) =>
        entities.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Products of one category, store or vendor: read-only here, written through <c>products</c>.</summary>
    private static EntityDefinition ProductsUnder() => Under("products", "products", "product_id") with { Methods = HttpMethods.ReadOnly };

    public static readonly EntityCatalog Instance = new(
    [
        Object("products", "products", "product_id") with
        {
            Nested = Nested(
                Under("features", "features", "feature_id") with { Methods = HttpMethods.ReadOnly },
                Under("discussions", "discussions", "post_id")),
        },
        Object("categories", "categories", "category_id") with { Nested = Nested(ProductsUnder()) },
        Object("orders", "orders", "order_id"),
        Object("users", "users", "user_id") with
        {
            // A user's memberships: the whole list at once, a bare object keyed by usergroup_id; a link is added or
            // changed by PUT {"status": "A"} to users/{id}/usergroups/{usergroup_id} and removed by DELETE there.
            Nested = Nested(Under("usergroups", "", "usergroup_id") with { Methods = new HashSet<string> { "GET", "PUT", "DELETE" }, Pagination = null }),
        },
        // Usergroups::index answers fn_get_usergroups() as it is: every group at once, a bare object keyed by
        // usergroup_id (PHP's [] when there is none), without a list key or params.
        Object("usergroups", "", "usergroup_id") with { Pagination = null },
        Object("carts", "carts", "user_id") with { Methods = GetDelete },
        Object("shipments", "shipments", "shipment_id"),
        Object("shippings", "shippings", "shipping_id"),
        Object("payments", "payments", "payment_id"),
        Object("statuses", "statuses", "status_id"),
        Object("taxes", "taxes", "tax_id"),
        Object("features", "features", "feature_id"),
        Object("options", "options", "option_id"),
        Object("combinations", "combinations", "combination_hash"),
        Object("exceptions", "exceptions", "exception_id"),
        Object("product_variations", "products", "product_id") with { Methods = GetPost },
        Object("languages", "languages", "lang_id"),
        Object("langvars", "langvars", "name"),
        Object("settings", "settings", "setting_id") with { Methods = GetPut },
        Object("discussions", "discussions", "post_id"),
        Object("pages", "pages", "page_id"),
        Object("blocks", "blocks", "block_id"),
        Object("call_requests", "call_requests", "request_id"),
        // A vendor or store answers a create with store_id (vendors.rst), though its list key is company_id.
        Object("stores", "stores", "store_id") with { Nested = Nested(ProductsUnder()) },
        Object("vendors", "vendors", "store_id") with { Nested = Nested(ProductsUnder()) },
    ]);
}
