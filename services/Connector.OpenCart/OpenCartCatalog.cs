using System.Collections.Concurrent;
using Switchboard.Connectors.Catalog;

namespace Switchboard.Connector.OpenCart;

/// <summary>The OpenCart routes under the names users see in the admin's order form (platforms/opencart.md), mapped per
/// API generation: 3.0 <c>api/…</c>, 4.0 <c>api/sale/…</c> with the version's method separator, 4.1
/// <c>api/order&amp;call=…</c>. Every route is a POST of form fields; the routes that only read can also be fetched.</summary>
public static class OpenCartCatalog
{
    public const string PlaceOrder = "Order - Place";

    public const string EditOrder = "Order - Edit";
    public const string LoadOrder = "Order - Load";
    public const string AddHistory = "Order - Add history";

    /// <summary>One route: its name, the 3.0 route, the 4.0 route (<c>{s}</c> = method separator), the 4.1 call
    /// (null where a generation has none), and for reading routes where the answer keeps its items.</summary>
    private sealed record Route(string Name, string? V30, string? V40, string? V41Call, Reading? Reads = null);

    /// <summary>A reading route's answer: a list under <see cref="ItemsPath"/>, or one object under <see cref="ItemPath"/>.</summary>
    private sealed record Reading(string? ItemsPath = null, string ItemPath = "");

    // Before Names below: static fields are set in the order they are written, and Names builds the 3.0 catalog from these.
    private static readonly IReadOnlySet<string> Post = new HashSet<string> { "POST" };
    private static readonly IReadOnlySet<string> GetOrPost = new HashSet<string> { "GET", "POST" };

    private static readonly Route[] Routes =
    [
        new("Cart - Add product", "api/cart/add", "api/sale/cart{s}add", "product_add"),
        new("Cart - Edit quantity", "api/cart/edit", "api/sale/cart{s}edit", null),
        new("Cart - Remove", "api/cart/remove", "api/sale/cart{s}remove", null),
        new("Cart - Products in cart", "api/cart/products", "api/sale/cart", "cart", new Reading(ItemsPath: "products")),
        new("Currency - Set", "api/currency", "api/sale/currency", null),
        new("Customer - Set customer", "api/customer", "api/sale/customer", "customer"),
        new("Payment - Set address", "api/payment/address", "api/sale/payment_address", "payment_address"),
        // 4.0's api/sale/payment_method.php: index() answers payment_methods, save() sets the chosen one (same for shipping).
        new("Payment - Returning available payment methods", "api/payment/methods", "api/sale/payment_method", "payment_methods", new Reading()),
        new("Payment - Set method", "api/payment/method", "api/sale/payment_method{s}save", "payment_method"),
        new("Shipping - Set address", "api/shipping/address", "api/sale/shipping_address", "shipping_address"),
        new("Shipping - Returning available shipping methods", "api/shipping/methods", "api/sale/shipping_method", "shipping_methods", new Reading()),
        new("Shipping - Set method", "api/shipping/method", "api/sale/shipping_method{s}save", "shipping_method"),
        new("Coupon - Apply existing coupon", "api/coupon", "api/sale/coupon", null),
        new("Voucher - Apply", "api/voucher", "api/sale/voucher", null),
        new("Voucher - Add gift voucher", "api/voucher/add", "api/sale/voucher{s}add", null),
        new("Reward - Apply points", "api/reward", "api/sale/reward", null),
        new("Reward - Maximum points", "api/reward/maximum", "api/sale/reward{s}maximum", null, new Reading()),
        new("Reward - Available points", "api/reward/available", "api/sale/reward{s}available", null, new Reading()),
        new("Order - Add", "api/order/add", "api/sale/order{s}confirm", "confirm"),
        // 4.0's api/sale/order.php confirm() edits the order its session has loaded (load()), else adds one: 4.0's
        // "Order - Edit" is a sequence ending on this route (OrderEditing), never a single call.
        new(EditOrder, "api/order/edit", "api/sale/order{s}confirm", null),
        new("Order - Delete", "api/order/delete", "api/sale/order{s}delete", null),
        // 4.0's load() puts the order into the session and answers only "success": no 4.0 route returns an order.
        new("Order - Info", "api/order/info", null, null, new Reading(ItemPath: "order")),
        new(LoadOrder, null, "api/sale/order{s}load", null),
        // 4.0's addHistory() reads order_id from POST (OpenCartPlatform moves query.order_id there).
        new(AddHistory, "api/order/history", "api/sale/order{s}addHistory", "history_add"),
    ];

    private static readonly ConcurrentDictionary<string, EntityCatalog> ByVersion = new();

    /// <summary>Every name any generation knows, for validating integration files: 3.0's routes, and those only 4.0 has.</summary>
    public static readonly EntityCatalog Names = new(
        For(OpenCartVersion.Default).Entities
            .Concat(For(new OpenCartVersion(4, 0, 2)).Entities.Where(e => For(OpenCartVersion.Default).Find(e.Name) is null)));

    public static EntityCatalog For(OpenCartVersion version) => ByVersion.GetOrAdd(version.Key, _ => new EntityCatalog(
        Routes.Select(r => RouteOf(r, version) is { } route ? Definition(r, route) : null)
            .OfType<EntityDefinition>()
            .Append(new EntityDefinition
            {
                Name = PlaceOrder, Path = "index.php", Methods = Post, Body = BodyFormat.Form, CreatedIdPath = "order_id",
            })));

    /// <summary>The login route of a session generation.</summary>
    public static string LoginRoute(OpenCartVersion version) => version.IsSale ? "api/account/login" : "api/login";

    private static string? RouteOf(Route route, OpenCartVersion version) =>
        version.IsSigned ? route.V41Call is { } call ? $"api/order&call={call}" : null
        : version.IsSale ? route.V40?.Replace("{s}", version.Separator.ToString())
        : route.V30;

    private static EntityDefinition Definition(Route route, string path) => new()
    {
        Name = route.Name,
        Path = "index.php?route=" + path,
        Methods = route.Reads is null ? Post : GetOrPost,
        Body = BodyFormat.Form,
        AddressedById = false,
        CreatedIdPath = "order_id",
        // Reading routes answer everything at once: no pagination anywhere in this API.
        Singleton = route.Reads is { ItemsPath: null },
        ItemsPath = route.Reads?.ItemsPath ?? "",
        ItemPath = route.Reads?.ItemPath ?? "",
    };
}
