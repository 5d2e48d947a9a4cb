using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>OpenCart's demo store, as far as the order API sees it: a few of the demo products (one with a required
/// option, as the demo's "Apple Cinema 30"" has), the demo coupons, two countries, currencies and the flat-rate,
/// pickup, cash-on-delivery and bank-transfer extensions.</summary>
internal static class OpenCartSeedData
{
    public static IEnumerable<JsonObject> Products() =>
    [
        Product(28, "HTC Touch HD", "Product 1", 100m),
        Product(30, "Canon EOS 5D", "Product 3", 80m),
        Product(40, "iPhone", "product 11", 101m),
        Product(42, "Apple Cinema 30\"", "Product 15", 100m, requiredOption: (226, "Select")),
        Product(43, "MacBook", "Product 16", 500m),
        Product(49, "Samsung Galaxy Tab 10.1", "SAM1", 199.99m, shipping: false),
    ];

    public static JsonObject Product(long id, string name, string model, decimal price, (long Id, string Name)? requiredOption = null, bool shipping = true) => new()
    {
        ["product_id"] = id,
        ["name"] = name,
        ["model"] = model,
        ["price"] = price,
        ["quantity"] = 1000,
        ["minimum"] = 1,
        ["shipping"] = shipping,
        ["required_options"] = requiredOption is { } o ? new JsonObject { [o.Id.ToString()] = o.Name } : new JsonObject(),
    };

    /// <summary>Demo coupons: 2222 (10 % off), 3333 (free shipping), 1111 (10.00 off).</summary>
    public static Dictionary<string, JsonObject> Coupons() => new(StringComparer.Ordinal)
    {
        ["2222"] = new JsonObject { ["code"] = "2222", ["name"] = "-10% Discount", ["type"] = "P", ["discount"] = 10m },
        ["3333"] = new JsonObject { ["code"] = "3333", ["name"] = "Free Shipping", ["type"] = "F", ["discount"] = 0m },
        ["1111"] = new JsonObject { ["code"] = "1111", ["name"] = "10.00 Discount", ["type"] = "F", ["discount"] = 10m },
    };

    public static readonly IReadOnlySet<string> Currencies = new HashSet<string> { "USD", "EUR", "GBP" };

    public static readonly IReadOnlyDictionary<long, (string Name, bool PostcodeRequired, IReadOnlyDictionary<long, string> Zones)> Countries =
        new Dictionary<long, (string, bool, IReadOnlyDictionary<long, string>)>
        {
            [222] = ("United Kingdom", true, new Dictionary<long, string> { [3563] = "Greater London", [3608] = "West Yorkshire" }),
            [223] = ("United States", true, new Dictionary<long, string> { [3624] = "California", [3655] = "New York" }),
            [81] = ("Germany", true, new Dictionary<long, string> { [1256] = "Berlin", [1257] = "Bayern" }),
        };

    public static JsonObject ShippingMethods() => new()
    {
        ["flat"] = new JsonObject
        {
            ["title"] = "Flat Rate",
            ["quote"] = new JsonObject { ["flat"] = Quote("flat.flat", "Flat Shipping Rate", 5m) },
            ["sort_order"] = "1",
            ["error"] = false,
        },
        ["pickup"] = new JsonObject
        {
            ["title"] = "Pickup From Store",
            ["quote"] = new JsonObject { ["pickup"] = Quote("pickup.pickup", "Pickup From Store", 0m) },
            ["sort_order"] = "2",
            ["error"] = false,
        },
    };

    private static JsonObject Quote(string code, string title, decimal cost) => new()
    {
        ["code"] = code, ["title"] = title, ["cost"] = cost, ["tax_class_id"] = 0, ["text"] = $"${cost:0.00}",
    };

    public static JsonObject PaymentMethods() => new()
    {
        ["cod"] = new JsonObject { ["code"] = "cod", ["title"] = "Cash On Delivery", ["terms"] = "", ["sort_order"] = "5" },
        ["bank_transfer"] = new JsonObject { ["code"] = "bank_transfer", ["title"] = "Bank Transfer", ["terms"] = "", ["sort_order"] = "1" },
    };
}
