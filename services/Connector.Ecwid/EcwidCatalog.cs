using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Pagination;

namespace Switchboard.Connector.Ecwid;

/// <summary>The Ecwid entities Switchboard knows. Every path starts with the client's <c>storeId</c>.</summary>
public static class EcwidCatalog
{
    /// <summary>At most 100 a page; the last page is the one where offset + count reaches total.</summary>
    private static readonly IPaginationStyle Offsets = new OffsetPagination("offset", "limit", 100, "total");

    private static EntityDefinition Paged(string name) => new()
    {
        Name = name, Path = "{storeId}/" + name, ItemsPath = "items", Pagination = Offsets,
    };

    private static EntityDefinition Deleted(string name) => Paged(name + "/deleted") with { Methods = HttpMethods.ReadOnly };

    /// <summary>Lists under one object (combinations, extra fields) are bare arrays, not the paged envelope.</summary>
    private static EntityDefinition BareList(string name) => new() { Name = name, Path = name };

    public static readonly EntityCatalog Instance = new(
    [
        Paged("products") with
        {
            Nested = new Dictionary<string, EntityDefinition>
            {
                ["combinations"] = BareList("combinations"),
                ["image"] = BareList("image") with { Methods = new HashSet<string> { "POST", "DELETE" } },
                ["gallery"] = BareList("gallery") with { Methods = new HashSet<string> { "POST", "DELETE" } },
            },
        },
        Paged("categories"),
        Paged("customers"),
        Paged("customer_groups"),
        Paged("orders") with
        {
            Nested = new Dictionary<string, EntityDefinition> { ["extraFields"] = BareList("extraFields") },
        },
        Paged("discount_coupons"),
        Paged("promotions"),
        // Product types are the API's "classes": GET {storeId}/classes answers every type at once as a bare array
        // (no paging envelope); one type is {storeId}/classes/{id}. The name users write stays product_types.
        Paged("product_types") with { Path = "{storeId}/classes", Pagination = null, ItemsPath = "" },
        // Reviews are written by customers on the storefront: the API lists them, changes their status and deletes them.
        Paged("reviews") with { Methods = new HashSet<string> { "GET", "PUT", "DELETE" } },
        // Deletion feeds ("deleted items history"): { id, date } of each object deleted in the last six months, by
        // from_date / to_date. A route with deleted.when and keyMappingsOf publishes them as deletes.
        Deleted("products"),
        Deleted("customers"),
        Deleted("orders"),
        Paged("profile") with { Methods = new HashSet<string> { "GET", "PUT" }, Pagination = null, Singleton = true },
    ]);
}
