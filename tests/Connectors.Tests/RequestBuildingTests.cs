using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>What URL an incoming's <c>objectId</c>, <c>nestedEntity</c>, <c>nestedObjectId</c>, <c>path</c> and
/// <c>query</c> become, as the emulator received it.</summary>
public sealed class RequestBuildingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_nested_object_id_fetches_that_one_variant_of_the_product()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 3);
        var client = SandboxClients.BigCommerce(sandbox);
        var product = sandbox.BigCommerce.Products.All[1]["id"]!.ToString();
        var variant = sandbox.BigCommerce.VariantsOf(long.Parse(product)).Last()["id"]!.ToString();

        var page = await client.FetchAsync(new EntityRequest
        {
            Entity = "catalog/products", ObjectId = product, NestedEntity = "variants", NestedObjectId = variant,
        }, null, Ct);

        var fetched = Assert.Single(page.Entities);
        Assert.Equal(variant, fetched["id"]!.ToString());
        Assert.Null(page.Next);
        Assert.EndsWith($"/v3/catalog/products/{product}/variants/{variant}", Assert.Single(sandbox.BigCommerce.Requests).PathAndQuery);
    }

    [Fact]
    public async Task The_query_is_sent_as_written_and_filters_the_list()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 10);
        var client = SandboxClients.BigCommerce(sandbox);
        var ids = sandbox.BigCommerce.Products.All.Take(3).Select(p => p["id"]!.ToString()).ToArray();

        var products = await client.FetchAllAsync(new EntityRequest
        {
            Entity = "catalog/products", Query = new Dictionary<string, string> { ["id:in"] = string.Join(',', ids) },
        });

        Assert.Equal(ids, products.Select(p => p["id"]!.ToString()).Order());
        Assert.Contains($"id:in={string.Join(',', ids)}", Assert.Single(sandbox.BigCommerce.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_path_placeholder_is_filled_from_path()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.BigCommerce(sandbox);

        // The emulator has no transactions; the request it received is what this test is about.
        await Record.ExceptionAsync(() => client.FetchAsync(new EntityRequest
        {
            Entity = "orders/transactions", Path = new Dictionary<string, string> { ["order_id"] = "100" },
        }, null, Ct));

        Assert.Contains("/v3/orders/100/transactions?", Assert.Single(sandbox.BigCommerce.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_path_placeholder_left_unset_fails_naming_it_and_sends_nothing()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.BigCommerce(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAsync(new EntityRequest { Entity = "orders/transactions" }, null, Ct));

        Assert.Contains("path parameter 'order_id' of 'v3/orders/{order_id}/transactions' is not set (give it in path.order_id)", error.Message);
        Assert.Empty(sandbox.BigCommerce.Requests);
    }
}
