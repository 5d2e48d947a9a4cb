using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>Deterministic BigCommerce entities: the same ordinal always yields the same entity.</summary>
internal static class BigCommerceSeedData
{
    public static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>v2 dates are RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000").</summary>
    public static string Rfc2822(DateTimeOffset t) => t.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string V2Money(decimal amount) => amount.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Slug(string name) => "/" + string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-') + "/";

    public static JsonObject Product(int ordinal, int categoryCount)
    {
        var rng = SeedPlan.Rng(ordinal, 1);
        var created = SeedPlan.Epoch.AddHours(ordinal);
        var modified = created.AddHours(rng.Next(0, 24 * 90));
        var price = SeedPlan.Money(rng, 5, 500);
        var name = $"Product {ordinal:D4}";
        var categories = new JsonArray();
        if (categoryCount > 0) categories.Add((long)((ordinal - 1) % categoryCount + 1));
        // About one product in ten is not stock-tracked, BigCommerce's default for a new product: its level stays 0.
        var tracked = ordinal % 10 != 5;
        var level = rng.Next(0, 500);
        return new JsonObject
        {
            ["name"] = name,
            ["type"] = "physical",
            ["sku"] = $"SKU-{ordinal:D4}",
            ["description"] = $"<p>Description of {name}.</p>",
            ["weight"] = SeedPlan.Money(rng, 0, 20),
            ["width"] = rng.Next(1, 60),
            ["depth"] = rng.Next(1, 60),
            ["height"] = rng.Next(1, 60),
            ["price"] = price,
            ["cost_price"] = Math.Round(price * 0.6m, 2),
            ["retail_price"] = Math.Round(price * 1.2m, 2),
            ["sale_price"] = 0m,
            ["map_price"] = 0m,
            ["tax_class_id"] = 0,
            ["calculated_price"] = price,
            ["categories"] = categories,
            ["brand_id"] = 0,
            ["inventory_level"] = tracked ? level : 0,
            ["inventory_warning_level"] = tracked ? 5 : 0,
            ["inventory_tracking"] = tracked ? "product" : "none",
            ["is_free_shipping"] = false,
            ["is_visible"] = ordinal % 10 != 0,
            ["is_featured"] = ordinal % 25 == 0,
            ["availability"] = "available",
            ["condition"] = "New",
            ["upc"] = "",
            ["mpn"] = "",
            ["gtin"] = "",
            ["total_sold"] = rng.Next(0, 1000),
            ["view_count"] = rng.Next(0, 10000),
            ["custom_url"] = new JsonObject { ["url"] = Slug(name), ["is_customized"] = false },
            ["date_created"] = Iso(created),
            ["date_modified"] = Iso(modified),
        };
    }

    /// <summary>The base variant BigCommerce keeps for every product (no option values, same SKU).</summary>
    public static JsonObject BaseVariant(JsonObject product) => new()
    {
        ["product_id"] = product["id"]!.GetValue<long>(),
        ["sku"] = product["sku"]?.DeepClone(),
        ["sku_id"] = null,
        ["price"] = null,
        ["calculated_price"] = product["calculated_price"]?.DeepClone(),
        ["sale_price"] = null,
        ["weight"] = null,
        ["calculated_weight"] = product["weight"]?.DeepClone(),
        ["inventory_level"] = product["inventory_level"]?.DeepClone() ?? 0,
        ["inventory_warning_level"] = 0,
        ["purchasing_disabled"] = false,
        ["upc"] = "",
        ["option_values"] = new JsonArray(),
    };

    public static JsonObject Category(int ordinal)
    {
        var name = $"Category {ordinal:D3}";
        return new JsonObject
        {
            ["parent_id"] = 0,
            ["name"] = name,
            ["description"] = $"<p>{name}</p>",
            ["views"] = 0,
            ["sort_order"] = ordinal,
            ["page_title"] = name,
            ["search_keywords"] = "",
            ["meta_keywords"] = new JsonArray(),
            ["meta_description"] = "",
            ["layout_file"] = "category.html",
            ["is_visible"] = true,
            ["default_product_sort"] = "use_store_settings",
            ["image_url"] = "",
            ["custom_url"] = new JsonObject { ["url"] = Slug(name), ["is_customized"] = false },
        };
    }

    public static JsonObject Customer(int ordinal)
    {
        var rng = SeedPlan.Rng(ordinal, 2);
        var first = SeedPlan.FirstNames[rng.Next(SeedPlan.FirstNames.Length)];
        var last = SeedPlan.LastNames[rng.Next(SeedPlan.LastNames.Length)];
        var created = SeedPlan.Epoch.AddHours(ordinal * 2);
        return new JsonObject
        {
            ["email"] = $"customer{ordinal:D4}@example.com",
            ["first_name"] = first,
            ["last_name"] = last,
            ["company"] = ordinal % 4 == 0 ? $"{last} Ltd" : "",
            ["phone"] = $"555-01{ordinal % 100:D2}",
            ["notes"] = "",
            ["tax_exempt_category"] = "",
            ["customer_group_id"] = 0,
            ["registration_ip_address"] = "",
            ["accepts_product_review_abandoned_cart_emails"] = ordinal % 3 == 0,
            ["origin_channel_id"] = 1,
            ["authentication"] = new JsonObject { ["force_password_reset"] = false },
            ["address_count"] = 1,
            ["addresses"] = new JsonArray(new JsonObject
            {
                ["first_name"] = first,
                ["last_name"] = last,
                ["address1"] = $"{ordinal} Main Street",
                ["address2"] = "",
                ["city"] = SeedPlan.Cities[rng.Next(SeedPlan.Cities.Length)],
                ["state_or_province"] = "",
                ["postal_code"] = $"{10000 + ordinal}",
                ["country_code"] = "US",
                ["phone"] = "",
                ["address_type"] = "residential",
            }),
            ["date_created"] = Iso(created),
            ["date_modified"] = Iso(created.AddHours(rng.Next(0, 24 * 30))),
        };
    }

    public static JsonObject Order(long id, int ordinal, int customerCount, int productCount)
    {
        var rng = SeedPlan.Rng(ordinal, 3);
        var created = SeedPlan.Epoch.AddHours(ordinal * 3);
        var quantity = rng.Next(1, 4);
        var unit = SeedPlan.Money(rng, 5, 300);
        var productId = productCount > 0 ? rng.Next(1, productCount + 1) : 0;
        var line = new JsonObject
        {
            ["product_id"] = productId,
            ["name"] = productId > 0 ? $"Product {productId:D4}" : "Custom item",
            ["sku"] = productId > 0 ? $"SKU-{productId:D4}" : "",
            ["quantity"] = quantity,
            ["price_ex_tax"] = V2Money(unit),
            ["price_inc_tax"] = V2Money(unit),
        };
        var customerId = customerCount > 0 ? rng.Next(1, customerCount + 1) : 0;
        var shipped = ordinal % 3 == 0;
        var lines = new JsonArray(line);
        var order = NewOrder(id, created, created.AddHours(rng.Next(0, 24 * 10)), customerId,
            shipped ? 2 : 11, lines,
            new JsonObject
            {
                ["first_name"] = SeedPlan.FirstNames[rng.Next(SeedPlan.FirstNames.Length)],
                ["last_name"] = SeedPlan.LastNames[rng.Next(SeedPlan.LastNames.Length)],
                ["street_1"] = $"{ordinal} Market Road",
                ["city"] = SeedPlan.Cities[rng.Next(SeedPlan.Cities.Length)],
                ["state"] = "",
                ["zip"] = $"{20000 + ordinal}",
                ["country"] = "United States",
                ["country_iso2"] = "US",
                ["email"] = customerId > 0 ? $"customer{customerId:D4}@example.com" : $"guest{ordinal}@example.com",
            });
        order[PendingLines] = lines;
        return order;
    }

    /// <summary>Order lines travel with a seeded order until the emulator moves them to its OrderProducts store.</summary>
    public const string PendingLines = "__lines";

    public static readonly IReadOnlyDictionary<int, string> OrderStatuses = new Dictionary<int, string>
    {
        [0] = "Incomplete", [1] = "Pending", [2] = "Shipped", [5] = "Cancelled", [7] = "Awaiting Payment",
        [9] = "Awaiting Shipment", [10] = "Completed", [11] = "Awaiting Fulfillment",
    };

    /// <summary>A v2 order: money as decimal strings, RFC 2822 dates, sub-resources as links.</summary>
    public static JsonObject NewOrder(long id, DateTimeOffset created, DateTimeOffset modified, long customerId, int statusId, JsonArray lines, JsonObject billing)
    {
        decimal subtotal = 0;
        var items = 0;
        foreach (var line in lines.OfType<JsonObject>())
        {
            var q = JsonHelpers.Long(line["quantity"]) ?? 1;
            var priceNode = line["price_inc_tax"] ?? line["price_ex_tax"];
            var price = JsonHelpers.Dec(priceNode) ?? (decimal.TryParse(priceNode?.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : 0);
            subtotal += q * price;
            items += (int)q;
        }
        return new JsonObject
        {
            ["customer_id"] = customerId,
            ["date_created"] = Rfc2822(created),
            ["date_modified"] = Rfc2822(modified),
            ["date_shipped"] = statusId == 2 ? Rfc2822(modified) : "",
            ["status_id"] = statusId,
            ["status"] = OrderStatuses.TryGetValue(statusId, out var s) ? s : "Pending",
            ["subtotal_ex_tax"] = V2Money(subtotal),
            ["subtotal_inc_tax"] = V2Money(subtotal),
            ["total_ex_tax"] = V2Money(subtotal),
            ["total_inc_tax"] = V2Money(subtotal),
            ["items_total"] = items,
            ["items_shipped"] = statusId == 2 ? items : 0,
            ["payment_method"] = "Manual",
            ["payment_status"] = "captured",
            ["currency_code"] = "USD",
            ["default_currency_code"] = "USD",
            ["channel_id"] = 1,
            ["billing_address"] = billing,
            ["products"] = new JsonObject { ["url"] = $"/v2/orders/{id}/products", ["resource"] = $"/orders/{id}/products" },
            ["shipping_addresses"] = new JsonObject { ["url"] = $"/v2/orders/{id}/shipping_addresses", ["resource"] = $"/orders/{id}/shipping_addresses" },
        };
    }
}
