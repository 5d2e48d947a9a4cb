using System.Net;

namespace Switchboard.Sandbox.Tests;

public sealed class SandboxMachineryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Base_uris_use_the_bound_ports_and_platform_paths()
    {
        await using var sb = await Sandbox.StartAsync();
        Assert.Equal("/stores/sandbox", sb.Server.BigCommerce.BaseUri.AbsolutePath);
        Assert.Equal("/api/v3", sb.Server.Ecwid.BaseUri.AbsolutePath);
        Assert.NotEqual(0, sb.Server.BigCommerce.BaseUri.Port);
        Assert.NotEqual(sb.Server.BigCommerce.BaseUri.Port, sb.Server.Ecwid.BaseUri.Port);
        Assert.Equal(1003, sb.Server.Ecwid.StoreId);
        Assert.Equal("bc-sandbox-token", sb.Server.BigCommerce.AccessToken);
        Assert.Equal("secret_sandbox", sb.Server.Ecwid.AccessToken);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_status_and_credential()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 2);
        using (await sb.BigCommerce.GetAsync("v3/catalog/products?limit=1", Ct)) { }
        using (await sb.BigCommerce.GetAsync("v3/catalog/products/999", Ct)) { }
        using (await sb.BigCommerce.PutAsync("v3/catalog/products/1", Sandbox.Json("""{"price":3}"""), Ct)) { }
        var requests = sb.Server.BigCommerce.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(("GET", "/stores/sandbox/v3/catalog/products?limit=1", 200), (requests[0].Method, requests[0].PathAndQuery, requests[0].Status));
        Assert.Equal(404, requests[1].Status);
        Assert.Equal("""{"price":3}""", requests[2].Body);
        Assert.All(requests, r => Assert.Equal("bc-sandbox-token", r.Authorization));
        Assert.True(requests[0].ReceivedAt <= requests[2].ReceivedAt);
        sb.Server.BigCommerce.ClearRequests();
        Assert.Empty(sb.Server.BigCommerce.Requests);
    }

    [Fact]
    public async Task Seeded_data_is_deterministic()
    {
        await using var a = await Sandbox.StartAsync(bigCommerceProducts: 50, ecwidProducts: 50);
        await using var b = await Sandbox.StartAsync(bigCommerceProducts: 50, ecwidProducts: 50);
        Assert.Equal(
            a.Server.BigCommerce.Products.All.Select(p => p.ToJsonString()),
            b.Server.BigCommerce.Products.All.Select(p => p.ToJsonString()));
        Assert.Equal(
            a.Server.Ecwid.Orders.All.Select(p => p.ToJsonString()),
            b.Server.Ecwid.Orders.All.Select(p => p.ToJsonString()));
        var first = a.Server.BigCommerce.Products.Get(1)!;
        Assert.Equal("Product 0001", (string)first["name"]!);
        Assert.Equal("SKU-0001", (string)first["sku"]!);
        Assert.Equal("physical", (string)first["type"]!);
        Assert.Equal(50, a.Server.BigCommerce.Variants.Count);
    }

    [Fact]
    public async Task Latency_is_added_to_every_request()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1);
        sb.Server.Ecwid.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var started = DateTimeOffset.UtcNow;
        using var response = await sb.Ecwid.GetAsync("products", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(190));
    }

    [Fact]
    public async Task Entity_store_is_safe_under_concurrent_writes()
    {
        var store = new EntityStore();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++) store.Add(new System.Text.Json.Nodes.JsonObject { ["n"] = i });
        }, Ct)));
        Assert.Equal(2000, store.Count);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), store.All.Select(e => (long)e["id"]!));
    }
}
