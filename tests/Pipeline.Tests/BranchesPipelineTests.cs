using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A route whose <c>branches</c> step splits each product into its variants: one task, and one entity in
/// the target store, per variant.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class BranchesPipelineTests
{
    [Fact]
    public async Task Every_variant_arrives_in_Ecwid_as_its_own_product()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 10);
        var bigCommerce = harness.Sandbox.BigCommerce;
        foreach (var product in bigCommerce.Products.All.Take(4))
            bigCommerce.Variants.Add(new JsonObject
            {
                ["product_id"] = product["id"]!.GetValue<long>(),
                ["sku"] = $"{product["sku"]}-XL",
                ["price"] = 99.5m,
                ["calculated_price"] = 99.5m,
                ["option_values"] = new JsonArray(),
            });
        var file = harness.WriteIntegration("""
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                query: { include: variants }
            outgoing:
              ecwid-products:
                client: ecwid-store
                entity: products
                method: POST
            routes:
              variants-to-ecwid:
                from: bc-products
                to: ecwid-products
                transformers:
                  - branches: { each: variants, key: sku, parent: product }
                  - map:
                      payload.sku: sku
                      payload.name: { from: product.name, mappers: [ upper ] }
                      payload.price: calculated_price
            """);

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(10, summary.Totals.Fetched);
        Assert.Equal(14, summary.Routes["variants-to-ecwid"].Published);
        var arrived = harness.Sandbox.Ecwid.Products.All.ToDictionary(p => p["sku"]!.ToString());
        Assert.Equal(14, arrived.Count);
        var first = bigCommerce.Products.All[0];
        var extra = arrived[$"{first["sku"]}-XL"];
        Assert.Equal(first["name"]!.ToString().ToUpperInvariant(), extra["name"]!.ToString());
        Assert.Equal(99.5m, extra["price"]!.GetValue<decimal>());
        Assert.Contains(first["sku"]!.ToString(), arrived.Keys);
    }
}
