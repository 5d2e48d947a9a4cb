using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>Deterministic Ecwid entities: the same ordinal always yields the same entity.</summary>
internal static class EcwidSeedData
{
    /// <summary>Ecwid's date format: "2024-01-01 10:00:00 +0000".</summary>
    public static string Date(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static long Unix(DateTimeOffset t) => t.ToUnixTimeSeconds();

    /// <summary>Ecwid order ids are short alphanumerics beside the numeric orderNumber.</summary>
    public static string OrderId(long orderNumber)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var n = (ulong)(orderNumber * 2654435761L % 33_554_432L) + 1_185_921UL;
        var chars = new char[5];
        for (var i = 4; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(n % (ulong)alphabet.Length)];
            n /= (ulong)alphabet.Length;
        }
        return new string(chars);
    }

    public static void Stamp(JsonObject o, string textField, string unixField, DateTimeOffset t)
    {
        o[textField] = Date(t);
        o[unixField] = Unix(t);
    }

    public static JsonObject Product(int ordinal, IReadOnlyList<long> categoryIds)
    {
        var rng = SeedPlan.Rng(ordinal, 11);
        var created = SeedPlan.Epoch.AddHours(ordinal);
        var updated = created.AddHours(rng.Next(0, 24 * 90));
        var name = $"Product {ordinal:D4}";
        var quantity = rng.Next(0, 300);
        // About one product in ten has unlimited stock: Ecwid then sends no quantity at all.
        var unlimited = ordinal % 10 == 5;
        var categories = new JsonArray();
        if (categoryIds.Count > 0) categories.Add(categoryIds[(ordinal - 1) % categoryIds.Count]);
        var p = new JsonObject
        {
            ["sku"] = $"SKU-{ordinal:D4}",
            ["name"] = name,
            ["price"] = SeedPlan.Money(rng, 5, 500),
            ["compareToPrice"] = null,
            ["quantity"] = quantity,
            ["unlimited"] = unlimited,
            ["inStock"] = unlimited || quantity > 0,
            ["enabled"] = ordinal % 10 != 0,
            ["weight"] = SeedPlan.Money(rng, 0, 20),
            ["description"] = $"<p>Description of {name}.</p>",
            ["url"] = $"https://store1003.company.site/products/product-{ordinal:D4}",
            ["categoryIds"] = categories,
            ["defaultCategoryId"] = categoryIds.Count > 0 ? categories[0]!.GetValue<long>() : 0,
            ["isShippingRequired"] = true,
        };
        if (unlimited) p.Remove("quantity");
        if (ordinal % 25 == 0) p["showOnFrontpage"] = 1;
        Stamp(p, "created", "createTimestamp", created);
        Stamp(p, "updated", "updateTimestamp", updated);
        return p;
    }

    public static JsonObject Category(int ordinal) => new()
    {
        ["parentId"] = 0,
        ["orderBy"] = ordinal * 10,
        ["name"] = $"Category {ordinal:D3}",
        ["enabled"] = true,
        ["productCount"] = 0,
        ["url"] = $"https://store1003.company.site/products/category-{ordinal:D3}",
    };

    public static JsonObject Customer(int ordinal)
    {
        var rng = SeedPlan.Rng(ordinal, 12);
        var first = SeedPlan.FirstNames[rng.Next(SeedPlan.FirstNames.Length)];
        var last = SeedPlan.LastNames[rng.Next(SeedPlan.LastNames.Length)];
        var registered = SeedPlan.Epoch.AddHours(ordinal * 2);
        var address = SeedAddresses.All[rng.Next(SeedAddresses.All.Length)];
        var c = new JsonObject
        {
            ["email"] = $"customer{ordinal:D4}@example.com",
            ["totalOrderCount"] = 0,
            ["customerGroupId"] = 0,
            ["customerGroupName"] = "General",
            ["billingPerson"] = new JsonObject
            {
                ["name"] = $"{first} {last}",
                ["firstName"] = first,
                ["lastName"] = last,
                ["street"] = $"{ordinal} Main Street",
                ["city"] = address.City,
                ["countryCode"] = address.CountryCode,
                ["countryName"] = address.CountryName,
                ["postalCode"] = address.PostalCode,
                ["stateOrProvinceCode"] = address.StateCode,
                ["stateOrProvinceName"] = address.StateName,
                ["phone"] = $"555-02{ordinal % 100:D2}",
            },
            ["acceptMarketing"] = ordinal % 3 == 0,
            ["lang"] = "en",
        };
        c["registered"] = Date(registered);
        c["updated"] = Date(registered.AddHours(rng.Next(0, 24 * 30)));
        return c;
    }

    public static JsonObject Order(long orderNumber, int ordinal, int customerCount, int productCount, Func<int, JsonObject?> productAt,
        Func<int, JsonObject?> customerAt)
    {
        var rng = SeedPlan.Rng(ordinal, 13);
        var created = SeedPlan.Epoch.AddHours(ordinal * 3);
        var items = new JsonArray();
        decimal subtotal = 0;
        if (productCount > 0 && productAt(rng.Next(productCount)) is { } p)
        {
            var quantity = rng.Next(1, 4);
            var price = JsonHelpers.Dec(p["price"]) ?? 0;
            subtotal = price * quantity;
            items.Add(new JsonObject
            {
                ["productId"] = p["id"]!.GetValue<long>(),
                ["sku"] = p["sku"]?.DeepClone(),
                ["name"] = p["name"]?.DeepClone(),
                ["price"] = price,
                ["quantity"] = quantity,
            });
        }
        var customerOrdinal = customerCount > 0 ? rng.Next(1, customerCount + 1) : 0;
        var paid = ordinal % 4 != 0;
        var order = NewOrder(orderNumber, created, created.AddHours(rng.Next(0, 24 * 10)),
            customerOrdinal > 0 ? $"customer{customerOrdinal:D4}@example.com" : $"guest{ordinal}@example.com",
            paid ? "PAID" : "AWAITING_PAYMENT", ordinal % 3 == 0 ? "SHIPPED" : "AWAITING_PROCESSING", items, subtotal);
        if (customerOrdinal > 0 && customerAt(customerOrdinal) is { } customer) Buyer(order, customer);
        return order;
    }

    /// <summary>An order of a registered customer carries the customer's id and, as Ecwid copies them at checkout, the
    /// customer's billing address as the order's billing and shipping person.</summary>
    private static void Buyer(JsonObject order, JsonObject customer)
    {
        order["customerId"] = customer["id"]?.DeepClone();
        if (customer["billingPerson"] is not JsonObject person) return;
        order["billingPerson"] = person.DeepClone();
        order["shippingPerson"] = person.DeepClone();
    }

    public static JsonObject NewOrder(long orderNumber, DateTimeOffset created, DateTimeOffset updated, string email, string paymentStatus, string fulfillmentStatus, JsonArray items, decimal subtotal)
    {
        var o = new JsonObject
        {
            ["id"] = OrderId(orderNumber),
            ["internalId"] = orderNumber,
            ["email"] = email,
            ["paymentStatus"] = paymentStatus,
            ["fulfillmentStatus"] = fulfillmentStatus,
            ["subtotal"] = subtotal,
            ["total"] = subtotal,
            ["tax"] = 0m,
            ["currency"] = "USD",
            ["items"] = items,
        };
        Stamp(o, "createDate", "createTimestamp", created);
        Stamp(o, "updateDate", "updateTimestamp", updated);
        return o;
    }
}
