using System.Text.Json.Nodes;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>BigCommerce <c>catalog/variants</c> has no <c>/variants/{id}</c>: a variant is written by a batch PUT of an
/// array to <c>/v3/catalog/variants</c>, addressed by the <c>id</c> in the item.</summary>
public sealed class BigCommerceVariantBatchTests
{
    private static readonly EntityRequest Variants = new() { Entity = "catalog/variants" };

    [Fact]
    public async Task An_update_addressed_by_objectId_is_sent_as_an_array_with_the_id_in_the_item()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 2);
        var client = SandboxClients.BigCommerce(sandbox);
        var variant = sandbox.BigCommerce.Variants.All[0]["id"]!.GetValue<long>();

        var result = await client.PublishAsync(Variants, "PUT", new JsonObject
        {
            ["path"] = new JsonObject { ["objectId"] = variant.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["payload"] = new JsonObject { ["price"] = 12.75 },
        }, TestContext.Current.CancellationToken);

        var sent = Assert.Single(sandbox.BigCommerce.Requests);
        Assert.Equal(("PUT", "/stores/sandbox/v3/catalog/variants", 200), (sent.Method, sent.PathAndQuery, sent.Status));
        Assert.Equal($$"""[{"price":12.75,"id":{{variant}}}]""", sent.Body);
        Assert.Equal(12.75m, sandbox.BigCommerce.Variants.Get(variant)!["price"]!.GetValue<decimal>());
        Assert.Equal(variant.ToString(System.Globalization.CultureInfo.InvariantCulture), result.TargetId);
    }

    [Fact]
    public async Task A_put_without_an_id_creates_a_variant_and_answers_its_new_id()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 1);
        var client = SandboxClients.BigCommerce(sandbox);
        var product = sandbox.BigCommerce.Products.All[0]["id"]!.GetValue<long>();

        var result = await client.PublishAsync(Variants, "PUT", new JsonObject
        {
            ["payload"] = new JsonObject { ["product_id"] = product, ["sku"] = "NEW-1", ["price"] = 5, ["option_values"] = new JsonArray() },
        }, TestContext.Current.CancellationToken);

        var created = sandbox.BigCommerce.Variants.All.Single(v => v["sku"]!.GetValue<string>() == "NEW-1");
        Assert.Equal(created["id"]!.ToString(), result.TargetId);
        Assert.Equal(product, created["product_id"]!.GetValue<long>());
    }
}
