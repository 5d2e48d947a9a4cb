using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>Deterministic sandbox data: the product type every project starts with (key <c>main</c>), categories,
/// published products with one price each, and customers and orders of them (CommercetoolsOrderSeedData).</summary>
internal static class CommercetoolsSeedData
{
    public const string ProductTypeKey = "main";

    public static JsonObject ProductType() => new()
    {
        ["id"] = Uuid(SeedPlan.Rng(0, 31)),
        ["key"] = ProductTypeKey,
        ["name"] = "Main",
        ["description"] = "The sandbox's product type",
        ["attributes"] = new JsonArray(
            new JsonObject { ["name"] = "color", ["type"] = new JsonObject { ["name"] = "text" }, ["isRequired"] = false },
            new JsonObject { ["name"] = "weight", ["type"] = new JsonObject { ["name"] = "number" }, ["isRequired"] = false }),
    };

    public static void Seed(CommercetoolsEmulator e, int products)
    {
        var productTypeId = e.ProductTypes.Find("key=" + ProductTypeKey)!["id"]!.ToString();
        var categoryIds = new List<string>();
        var firstCategory = e.Categories.Count + 1;
        for (var n = firstCategory; n < firstCategory + SeedPlan.Categories(products); n++)
        {
            var id = Uuid(SeedPlan.Rng(n, 37));
            e.Categories.Seed(new JsonObject
            {
                ["id"] = id, ["key"] = $"category-{n}", ["name"] = new JsonObject { ["en"] = $"Category {n}" },
                ["slug"] = new JsonObject { ["en"] = $"category-{n}" }, ["ancestors"] = new JsonArray(), ["orderHint"] = "0.5",
            });
            categoryIds.Add(id);
        }
        if (categoryIds.Count == 0) categoryIds.AddRange(e.Categories.All.Select(c => c["id"]!.ToString()));
        var first = e.Products.Count + 1;
        for (var n = first; n < first + products; n++)
        {
            var rng = SeedPlan.Rng(n, 41);
            var data = new JsonObject
            {
                ["name"] = new JsonObject { ["en"] = $"Sandbox product {n}" },
                ["slug"] = new JsonObject { ["en"] = $"sandbox-product-{n}" },
                ["description"] = new JsonObject { ["en"] = $"Product {n} of the commercetools sandbox." },
                ["categories"] = categoryIds.Count == 0 ? new JsonArray()
                    : new JsonArray(new JsonObject { ["typeId"] = "category", ["id"] = categoryIds[n % categoryIds.Count] }),
                ["categoryOrderHints"] = new JsonObject(),
                ["searchKeywords"] = new JsonObject(),
                ["masterVariant"] = new JsonObject
                {
                    ["id"] = 1,
                    ["sku"] = $"CT-{n:D6}",
                    ["prices"] = new JsonArray(new JsonObject
                    {
                        ["id"] = Uuid(rng),
                        ["value"] = new JsonObject { ["type"] = "centPrecision", ["currencyCode"] = "EUR", ["centAmount"] = rng.Next(100, 50_000), ["fractionDigits"] = 2 },
                    }),
                    ["attributes"] = new JsonArray(new JsonObject { ["name"] = "color", ["value"] = SeedPlan.Cities[n % SeedPlan.Cities.Length] }),
                    ["images"] = new JsonArray(),
                },
                ["variants"] = new JsonArray(),
            };
            e.Products.Seed(new JsonObject
            {
                ["id"] = Uuid(rng),
                ["key"] = $"product-{n}",
                ["productType"] = new JsonObject { ["typeId"] = "product-type", ["id"] = productTypeId },
                ["createdAt"] = SeedPlan.Epoch.AddMinutes(n).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                ["masterData"] = new JsonObject { ["published"] = true, ["hasStagedChanges"] = false, ["current"] = data.DeepClone(), ["staged"] = data },
            });
        }
        CommercetoolsOrderSeedData.Seed(e, products, Uuid);
    }

    /// <summary>A version-4 UUID from the seeded generator, so seeds repeat exactly.</summary>
    internal static string Uuid(Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
