using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>Deterministic CS-Cart objects, with the field names of the API's docs; Y/N flags and A/D/H statuses.</summary>
internal static class CsCartSeedData
{
    public const long CompanyId = 1;

    private static long Unix(DateTimeOffset t) => t.ToUnixTimeSeconds();

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static JsonObject Category(int ordinal) => new()
    {
        ["category"] = $"Category {ordinal:D3}",
        ["parent_id"] = 0,
        ["id_path"] = "",
        ["position"] = ordinal * 10,
        ["status"] = "A",
        ["company_id"] = CompanyId,
        ["timestamp"] = Unix(SeedPlan.Epoch.AddDays(-ordinal)),
    };

    public static JsonObject Feature(int ordinal) => new()
    {
        ["description"] = ordinal switch { 1 => "Brand", 2 => "Colour", _ => $"Feature {ordinal}" },
        ["feature_type"] = ordinal == 1 ? "E" : "T",
        ["company_id"] = CompanyId,
        ["status"] = "A",
        ["display_on_product"] = "Y",
        ["position"] = ordinal * 10,
    };

    public static JsonObject Product(int ordinal, IReadOnlyList<long> categoryIds, IReadOnlyList<long> featureIds)
    {
        var rng = SeedPlan.Rng(ordinal, 21);
        var created = SeedPlan.Epoch.AddHours(ordinal);
        var categories = new JsonArray();
        if (categoryIds.Count > 0) categories.Add(categoryIds[(ordinal - 1) % categoryIds.Count]);
        var features = new JsonObject();
        if (featureIds.Count > 0) features[featureIds[0].ToString(CultureInfo.InvariantCulture)] = ordinal % 2 == 0 ? "Acme" : "Globex";
        if (featureIds.Count > 1) features[featureIds[1].ToString(CultureInfo.InvariantCulture)] = SeedPlan.Cities[ordinal % SeedPlan.Cities.Length] + " blue";
        return new JsonObject
        {
            ["product"] = $"Product {ordinal:D4}",
            ["product_code"] = $"CSC-{ordinal:D4}",
            ["product_type"] = "P",
            ["status"] = ordinal % 10 == 0 ? "H" : "A",
            ["company_id"] = CompanyId,
            ["list_price"] = "0.00",
            ["price"] = Money(SeedPlan.Money(rng, 5, 500)),
            ["amount"] = rng.Next(0, 300),
            ["weight"] = Money(SeedPlan.Money(rng, 0, 20)),
            ["full_description"] = $"<p>Description of product {ordinal:D4}.</p>",
            ["category_ids"] = categories,
            ["main_category"] = categoryIds.Count > 0 ? categories[0]!.GetValue<long>() : 0,
            ["product_features"] = features,
            ["timestamp"] = Unix(created),
            ["updated_timestamp"] = Unix(created.AddHours(rng.Next(0, 24 * 90))),
        };
    }

    // Each sandbox store's customers have e-mails of their own (Ecwid and BigCommerce customer0001@example.com), so
    // syncing another store's customers into CS-Cart, which refuses an e-mail twice, finds no one already there.
    public static JsonObject User(int ordinal)
    {
        var rng = SeedPlan.Rng(ordinal, 22);
        return new JsonObject
        {
            ["email"] = $"buyer{ordinal:D4}@example.org",
            ["firstname"] = SeedPlan.FirstNames[rng.Next(SeedPlan.FirstNames.Length)],
            ["lastname"] = SeedPlan.LastNames[rng.Next(SeedPlan.LastNames.Length)],
            ["user_type"] = "C",
            ["status"] = "A",
            ["company_id"] = CompanyId,
            ["lang_code"] = "en",
            ["timestamp"] = Unix(SeedPlan.Epoch.AddHours(ordinal * 2)),
        };
    }

    public static JsonObject Order(int ordinal, int users, Func<int, JsonObject?> productAt, int productCount)
    {
        var rng = SeedPlan.Rng(ordinal, 23);
        var lines = new JsonObject();
        decimal total = 0;
        if (productCount > 0 && productAt(rng.Next(productCount)) is { } product)
        {
            var amount = rng.Next(1, 4);
            var price = decimal.Parse(product["price"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            total = price * amount;
            // Order lines are keyed by their cart id (item_id), as fn_get_order_info() returns them.
            lines[(3_000_000 + ordinal).ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["product_id"] = product["product_id"]!.GetValue<long>(),
                ["product_code"] = product["product_code"]?.DeepClone(),
                ["product"] = product["product"]?.DeepClone(),
                ["price"] = Money(price),
                ["amount"] = amount,
            };
        }
        var user = users > 0 ? rng.Next(1, users + 1) : 0;
        return new JsonObject
        {
            ["user_id"] = user,
            ["email"] = user > 0 ? $"buyer{user:D4}@example.org" : $"guest{ordinal}@example.com",
            ["status"] = (ordinal % 4) switch { 0 => "O", 1 => "P", 2 => "C", _ => "B" },
            ["total"] = Money(total),
            ["subtotal"] = Money(total),
            ["payment_id"] = 2,
            ["shipping_ids"] = "1",
            ["company_id"] = CompanyId,
            ["products"] = lines,
            ["timestamp"] = Unix(SeedPlan.Epoch.AddHours(ordinal * 3)),
        };
    }

    public static JsonObject Shipment(long orderId, int ordinal) => new()
    {
        ["order_id"] = orderId,
        ["shipping_id"] = 1,
        ["carrier"] = "usps",
        ["tracking_number"] = $"9400{ordinal:D10}",
        ["status"] = "A",
        ["timestamp"] = Unix(SeedPlan.Epoch.AddHours(ordinal * 3 + 24)),
    };

    public static JsonObject Discussion(long productId, int ordinal) => new()
    {
        ["object_type"] = "P",
        ["object_id"] = productId,
        ["thread_id"] = productId,
        ["name"] = SeedPlan.FirstNames[ordinal % SeedPlan.FirstNames.Length],
        ["message"] = $"Review {ordinal} of product {productId}.",
        ["rating_value"] = ordinal % 5 + 1,
        ["type"] = "B",
        ["status"] = "A",
        ["timestamp"] = Unix(SeedPlan.Epoch.AddHours(ordinal * 5)),
    };

    /// <summary>What a fresh CS-Cart install comes with: usergroups, payments, shippings, order statuses, a tax,
    /// languages, a page and the store itself.</summary>
    public static IEnumerable<(string Object, JsonObject Item)> Reference()
    {
        yield return ("usergroups", new() { ["usergroup"] = "Wholesale", ["type"] = "C", ["status"] = "A" });
        yield return ("usergroups", new() { ["usergroup"] = "Managers", ["type"] = "A", ["status"] = "A" });
        yield return ("payments", new() { ["payment"] = "Credit card", ["status"] = "A", ["position"] = 10 });
        yield return ("payments", new() { ["payment"] = "Phone ordering", ["status"] = "A", ["position"] = 20 });
        yield return ("shippings", new() { ["shipping"] = "Custom shipping method", ["status"] = "A", ["company_id"] = CompanyId });
        foreach (var (code, name) in new[] { ("O", "Open"), ("P", "Processed"), ("C", "Complete"), ("F", "Failed"), ("D", "Declined"), ("B", "Backordered"), ("I", "Canceled") })
            yield return ("statuses", new() { ["status"] = code, ["type"] = "O", ["description"] = name });
        yield return ("taxes", new() { ["tax"] = "VAT", ["regnumber"] = "", ["status"] = "A", ["price_includes_tax"] = "N" });
        yield return ("languages", new() { ["lang_code"] = "en", ["name"] = "English", ["status"] = "A" });
        yield return ("pages", new() { ["page"] = "About us", ["page_type"] = "T", ["status"] = "A", ["company_id"] = CompanyId });
        yield return ("stores", new() { ["company"] = "Simtech", ["storefront"] = "127.0.0.1", ["email"] = "simtech@example.com", ["status"] = "A" });
        yield return ("vendors", new() { ["company"] = "Simtech", ["email"] = "simtech@example.com", ["status"] = "A", ["lang_code"] = "en" });
    }
}
