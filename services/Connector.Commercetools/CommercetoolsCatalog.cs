using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Pagination;

namespace Switchboard.Connector.Commercetools;

/// <summary>The commercetools resources Switchboard knows, by their URL names. Every path starts with the client's
/// <c>projectKey</c>; an object is addressed by id or as <c>key=…</c>.</summary>
public static class CommercetoolsCatalog
{
    /// <summary>Paged query results <c>{limit, offset, count, total, results}</c>: up to 500 a page by offset while it
    /// stays within 10,000, then by the id cursor.</summary>
    private static readonly IPaginationStyle Pages = new OffsetThenKeysetPagination();

    private static EntityDefinition Resource(string name, string? path = null) => new()
    {
        Name = name, Path = "{projectKey}/" + (path ?? name), ItemsPath = "results", Pagination = Pages, Methods = HttpMethods.CrudPatch,
    };

    private static EntityDefinition ReadOnly(string name) => Resource(name) with { Methods = HttpMethods.ReadOnly };

    public static readonly EntityCatalog Instance = new(
    [
        Resource("products"),
        ReadOnly("product-projections"),
        Resource("product-types"),
        Resource("product-discounts"),
        Resource("product-selections"),
        Resource("standalone-prices"),
        Resource("categories"),
        Resource("attribute-groups"),
        // Sign-up answers are {customer: {…}} (CustomerSignInResult), not the customer itself.
        Resource("customers") with { CreatedIdPath = "customer.id" },
        Resource("customer-groups"),
        Resource("business-units"),
        Resource("carts"),
        Resource("cart-discounts"),
        Resource("discount-codes"),
        Resource("orders"),
        Resource("payments"),
        Resource("shopping-lists"),
        Resource("inventory"),
        Resource("channels"),
        Resource("stores"),
        Resource("tax-categories"),
        Resource("shipping-methods"),
        Resource("zones"),
        Resource("types"),
        Resource("states"),
        Resource("reviews"),
        // A custom object is written by POST {container, key, value}, which creates it or replaces the one with that
        // container and key; it has no update actions, and is addressed as custom-objects/{container}/{key}.
        Resource("custom-objects") with { Methods = new HashSet<string> { "GET", "POST" } },
        Resource("subscriptions"),
        Resource("extensions"),
        ReadOnly("messages"),
        Resource("in-store/orders", "in-store/key={storeKey}/orders"),
        Resource("in-store/carts", "in-store/key={storeKey}/carts"),
        Resource("in-store/customers", "in-store/key={storeKey}/customers") with { CreatedIdPath = "customer.id" },
    ]);
}
