namespace Switchboard.Sandbox;

/// <summary>Which route reaches which operation in each API generation (platforms/opencart.md).</summary>
internal static class OpenCartRoutes
{
    public const string Login = "login";

    private static readonly (string Op, string V30, string V40)[] Table =
    [
        (Login, "api/login", "api/account/login"),
        ("cart.add", "api/cart/add", "api/sale/cart{s}add"),
        ("cart.edit", "api/cart/edit", "api/sale/cart{s}edit"),
        ("cart.remove", "api/cart/remove", "api/sale/cart{s}remove"),
        ("cart.products", "api/cart/products", "api/sale/cart"),
        ("currency", "api/currency", "api/sale/currency"),
        ("customer", "api/customer", "api/sale/customer"),
        ("payment.address", "api/payment/address", "api/sale/payment_address"),
        // 4.0 (catalog/controller/api/sale/payment_method.php): index() lists the methods, save() sets one; same for shipping.
        ("payment.methods", "api/payment/methods", "api/sale/payment_method"),
        ("payment.method", "api/payment/method", "api/sale/payment_method{s}save"),
        ("shipping.address", "api/shipping/address", "api/sale/shipping_address"),
        ("shipping.methods", "api/shipping/methods", "api/sale/shipping_method"),
        ("shipping.method", "api/shipping/method", "api/sale/shipping_method{s}save"),
        ("coupon", "api/coupon", "api/sale/coupon"),
        ("voucher", "api/voucher", "api/sale/voucher"),
        ("voucher.add", "api/voucher/add", "api/sale/voucher{s}add"),
        ("reward", "api/reward", "api/sale/reward"),
        ("reward.maximum", "api/reward/maximum", "api/sale/reward{s}maximum"),
        ("reward.available", "api/reward/available", "api/sale/reward{s}available"),
        // 4.0's confirm() adds, or edits the order load() put into the session; 4.0 has no route answering an order.
        ("order.add", "api/order/add", "api/sale/order{s}confirm"),
        ("order.edit", "api/order/edit", ""),
        ("order.delete", "api/order/delete", "api/sale/order{s}delete"),
        ("order.info", "api/order/info", ""),
        ("order.load", "", "api/sale/order{s}load"),
        ("order.history", "api/order/history", "api/sale/order{s}addHistory"),
    ];

    /// <summary>4.1's <c>call</c> values of <c>route=api/order</c>, in the order the admin's form makes them.</summary>
    public static readonly (string Call, string Op)[] SignedCalls =
    [
        ("customer", "customer"),
        ("product_add", "cart.add"),
        ("cart", "cart.products"),
        ("payment_address", "payment.address"),
        ("payment_methods", "payment.methods"),
        ("shipping_address", "shipping.address"),
        ("shipping_methods", "shipping.methods"),
        ("shipping_method", "shipping.method"),
        ("payment_method", "payment.method"),
        ("confirm", "order.add"),
        ("history_add", "order.history"),
    ];

    /// <summary>The operation a 3.0 or 4.0 route reaches, or null (the store's "page not found").</summary>
    public static string? Operation(string route, OpenCartApiVersion version)
    {
        foreach (var (op, v30, v40) in Table)
        {
            var path = version.Generation == "3.0" ? v30 : v40.Replace("{s}", version.Separator.ToString(), StringComparison.Ordinal);
            if (path.Length > 0 && path == route) return op;
        }
        return null;
    }
}

/// <summary>The version the emulated store runs, e.g. "3.0.3.8", "4.0.1.3", "4.0.2.3", "4.1.0.0".</summary>
public sealed record OpenCartApiVersion(string Text)
{
    private readonly int[] _parts = Text.Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).Concat([0, 0, 0, 0]).Take(4).ToArray();

    public string Generation => _parts[0] == 3 ? "3.0" : _parts[1] >= 1 ? "4.1" : "4.0";

    /// <summary>Routes' method separator: <c>|</c> up to 4.0.1.x, <c>.</c> from 4.0.2.0.</summary>
    public char Separator => _parts[0] == 4 && _parts[1] == 0 && _parts[2] < 2 ? '|' : '.';
}
