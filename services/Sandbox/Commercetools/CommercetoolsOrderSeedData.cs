using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>Deterministic customers and orders of the commercetools sandbox, shaped as the API's Customer and Order
/// resources are (docs.commercetools.com/api/projects/customers, …/orders): orders with line items of seeded products,
/// money as <c>centPrecision</c>, shipping and billing addresses, order, payment and shipment states.</summary>
internal static class CommercetoolsOrderSeedData
{
    /// <summary>Where the sandbox's customers live: country code, city, street, postal code, region, phone prefix.</summary>
    private static readonly (string Country, string City, string Street, string PostalCode, string Region, string Phone)[] Places =
    [
        ("GB", "London", "Baker Street", "NW1 6XE", "Greater London", "+44 20 7946 "),
        ("DE", "Berlin", "Unter den Linden", "10117", "Berlin", "+49 30 901820 "),
        ("US", "New York", "Fifth Avenue", "10001", "New York", "+1 212 555 "),
    ];

    private static readonly string[] OrderStates = ["Open", "Confirmed", "Complete", "Confirmed"];

    public static void Seed(CommercetoolsEmulator e, int products, Func<Random, string> uuid)
    {
        var firstCustomer = e.Customers.Count + 1;
        var customers = new List<JsonObject>();
        for (var n = firstCustomer; n < firstCustomer + SeedPlan.Customers(products); n++)
        {
            var customer = Customer(n, uuid);
            e.Customers.Seed(customer);
            customers.Add(customer);
        }

        var catalog = e.Products.All;
        if (catalog.Count == 0) return;
        var firstOrder = e.Orders.Count + 1;
        for (var n = firstOrder; n < firstOrder + SeedPlan.Orders(products); n++)
            e.Orders.Seed(Order(n, customers.Count == 0 ? null : customers[n % customers.Count], catalog, uuid));
    }

    private static JsonObject Customer(int n, Func<Random, string> uuid)
    {
        var rng = SeedPlan.Rng(n, 43);
        var first = SeedPlan.FirstNames[rng.Next(SeedPlan.FirstNames.Length)];
        var last = SeedPlan.LastNames[rng.Next(SeedPlan.LastNames.Length)];
        var address = Address(n, first, last, $"shopper{n:D4}@example.net");
        address["id"] = $"addr-{n}";
        return new JsonObject
        {
            ["id"] = uuid(rng),
            ["key"] = $"customer-{n}",
            ["customerNumber"] = $"C{n:D6}",
            // Not the other stores' customer0001@example.com: each store's customers are its own people.
            ["email"] = $"shopper{n:D4}@example.net",
            ["firstName"] = first,
            ["lastName"] = last,
            ["addresses"] = new JsonArray(address),
            ["defaultShippingAddressId"] = $"addr-{n}",
            ["defaultBillingAddressId"] = $"addr-{n}",
            ["shippingAddressIds"] = new JsonArray($"addr-{n}"),
            ["billingAddressIds"] = new JsonArray($"addr-{n}"),
            ["isEmailVerified"] = true,
            ["authenticationMode"] = "Default",
            ["stores"] = new JsonArray(),
            ["createdAt"] = Time(SeedPlan.Epoch.AddHours(n)),
        };
    }

    private static JsonObject Order(int n, JsonObject? customer, IReadOnlyList<JsonObject> catalog, Func<Random, string> uuid)
    {
        var rng = SeedPlan.Rng(n, 47);
        var lineItems = new JsonArray();
        long total = 0;
        var currency = "EUR";
        for (var line = 0; line < 1 + n % 2; line++)
        {
            var product = catalog[(n * 7 + line * 3) % catalog.Count];
            var variant = (JsonObject)product["masterData"]!["current"]!["masterVariant"]!.DeepClone();
            var price = (JsonObject)variant["prices"]![0]!.DeepClone();
            currency = price["value"]!["currencyCode"]!.ToString();
            var cents = JsonHelpers.Long(price["value"]!["centAmount"]) ?? 0;
            var quantity = rng.Next(1, 4);
            total += cents * quantity;
            lineItems.Add(new JsonObject
            {
                ["id"] = uuid(rng),
                ["productId"] = product["id"]!.DeepClone(),
                ["productKey"] = product["key"]?.DeepClone(),
                ["name"] = product["masterData"]!["current"]!["name"]!.DeepClone(),
                ["productType"] = product["productType"]!.DeepClone(),
                ["productSlug"] = product["masterData"]!["current"]!["slug"]!.DeepClone(),
                ["variant"] = variant,
                ["price"] = price,
                ["quantity"] = quantity,
                ["totalPrice"] = Money(currency, cents * quantity),
                ["discountedPricePerQuantity"] = new JsonArray(),
                ["state"] = new JsonArray(new JsonObject
                {
                    ["quantity"] = quantity,
                    ["state"] = new JsonObject { ["typeId"] = "state", ["id"] = "initial" },
                }),
                ["priceMode"] = "Platform",
                ["lineItemMode"] = "Standard",
                ["perMethodTaxRate"] = new JsonArray(),
                ["taxedPricePortions"] = new JsonArray(),
            });
        }

        var first = customer?["firstName"]?.ToString() ?? SeedPlan.FirstNames[n % SeedPlan.FirstNames.Length];
        var last = customer?["lastName"]?.ToString() ?? SeedPlan.LastNames[n % SeedPlan.LastNames.Length];
        var email = customer?["email"]?.ToString() ?? $"guest{n}@example.net";
        var address = Address(n, first, last, email);
        var order = new JsonObject
        {
            ["id"] = uuid(rng),
            ["orderNumber"] = $"CT-ORDER-{n:D5}",
            ["customerEmail"] = email,
            ["lineItems"] = lineItems,
            ["customLineItems"] = new JsonArray(),
            ["totalPrice"] = Money(currency, total),
            ["shippingAddress"] = address.DeepClone(),
            ["billingAddress"] = address,
            ["country"] = address["country"]!.DeepClone(),
            ["locale"] = "en",
            ["orderState"] = OrderStates[n % OrderStates.Length],
            // Every third order still awaits its payment.
            ["paymentState"] = n % 3 == 0 ? "Pending" : "Paid",
            ["shipmentState"] = n % 4 == 2 ? "Shipped" : "Pending",
            ["shippingMode"] = "Single",
            ["shipping"] = new JsonArray(),
            ["itemShippingAddresses"] = new JsonArray(),
            ["discountCodes"] = new JsonArray(),
            ["directDiscounts"] = new JsonArray(),
            ["refusedGifts"] = new JsonArray(),
            ["returnInfo"] = new JsonArray(),
            ["syncInfo"] = new JsonArray(),
            ["origin"] = "Customer",
            ["inventoryMode"] = "None",
            ["taxMode"] = "Platform",
            ["taxRoundingMode"] = "HalfEven",
            ["taxCalculationMode"] = "LineItemLevel",
            ["lastMessageSequenceNumber"] = 1,
            ["createdAt"] = Time(SeedPlan.Epoch.AddHours(n * 3)),
            ["completedAt"] = Time(SeedPlan.Epoch.AddHours(n * 3).AddMinutes(5)),
        };
        if (customer is not null) order["customerId"] = customer["id"]!.DeepClone();
        return order;
    }

    private static JsonObject Address(int n, string first, string last, string email)
    {
        var place = Places[n % Places.Length];
        return new JsonObject
        {
            ["firstName"] = first,
            ["lastName"] = last,
            ["streetName"] = place.Street,
            ["streetNumber"] = (n % 200 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["postalCode"] = place.PostalCode,
            ["city"] = place.City,
            ["region"] = place.Region,
            ["country"] = place.Country,
            ["phone"] = $"{place.Phone}{n % 10_000:D4}",
            ["email"] = email,
        };
    }

    private static JsonObject Money(string currency, long cents) => new()
    {
        ["type"] = "centPrecision", ["currencyCode"] = currency, ["centAmount"] = cents, ["fractionDigits"] = 2,
    };

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
