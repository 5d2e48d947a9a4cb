using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The BigCommerce connector against the BigCommerce emulator over real HTTP.</summary>
public sealed class BigCommerceConnectorTests
{
    private static readonly EntityRequest Products = new() { Entity = "catalog/products" };

    [Fact]
    public async Task Fetching_1000_products_takes_4_pages_of_250_and_returns_each_once()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 1000);
        var client = SandboxClients.BigCommerce(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(1000, products.Count);
        Assert.Equal(1000, products.Select(p => p["id"]!.GetValue<long>()).Distinct().Count());
        var gets = sandbox.BigCommerce.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(4, gets.Count);
        Assert.All(gets, r => Assert.Contains("limit=250", r.PathAndQuery));
    }

    [Fact]
    public async Task A_page_size_set_by_the_incoming_is_used()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 1000);
        var client = SandboxClients.BigCommerce(sandbox);

        var products = await client.FetchAllAsync(Products with { Query = new Dictionary<string, string> { ["limit"] = "100" } });

        Assert.Equal(1000, products.Count);
        Assert.Equal(10, sandbox.BigCommerce.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Create_update_and_delete_change_the_store()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.BigCommerce(sandbox);
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PublishAsync(Products, "POST", new JsonObject
        {
            ["payload"] = new JsonObject { ["name"] = "Espresso cup", ["type"] = "physical", ["weight"] = 0.3, ["price"] = 7.5, ["sku"] = "CUP-1" },
        }, ct);
        Assert.NotNull(created.TargetId);
        var id = long.Parse(created.TargetId!);
        Assert.Equal("Espresso cup", sandbox.BigCommerce.Products.Get(id)!["name"]!.GetValue<string>());

        await client.PublishAsync(Products, "PUT", new JsonObject
        {
            ["path"] = new JsonObject { ["objectId"] = id },
            ["payload"] = new JsonObject { ["price"] = 8.25 },
        }, ct);
        Assert.Equal(8.25m, sandbox.BigCommerce.Products.Get(id)!["price"]!.GetValue<decimal>());

        await client.PublishAsync(Products, "DELETE", new JsonObject { ["path"] = new JsonObject { ["objectId"] = id } }, ct);
        Assert.Null(sandbox.BigCommerce.Products.Get(id));
    }

    [Fact]
    public async Task A_nested_variant_is_fetched_under_its_product()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 3);
        var client = SandboxClients.BigCommerce(sandbox);
        var productId = sandbox.BigCommerce.Products.All[1]["id"]!.ToString();

        var variants = await client.FetchAllAsync(new EntityRequest { Entity = "catalog/products", ObjectId = productId, NestedEntity = "variants" });

        Assert.NotEmpty(variants);
        Assert.All(variants, v => Assert.Equal(productId, v["product_id"]!.ToString()));
        Assert.Contains(sandbox.BigCommerce.Requests, r => r.PathAndQuery.Contains($"/v3/catalog/products/{productId}/variants"));
    }

    [Fact]
    public async Task A_wrong_token_fails_with_the_platforms_401_message()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 10);
        var client = SandboxClients.BigCommerce(sandbox, token: "not-the-token");

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAllAsync(Products));

        Assert.Equal(401, error.StatusCode);
        Assert.False(error.Transient);
        Assert.Contains(error.Error.Messages, m => m.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("not-the-token", error.Error.ToString());
    }

    [Fact]
    public async Task A_validation_error_carries_the_platforms_field_messages()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.BigCommerce(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.PublishAsync(Products, "POST",
            new JsonObject { ["payload"] = new JsonObject { ["sku"] = "NO-NAME" } }, TestContext.Current.CancellationToken));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains(error.Error.Messages, m => m.Contains("name", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task After_five_429s_every_product_arrives_after_the_waits_the_headers_asked_for()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 500);
        // Longer than the fallback backoff's first waits (about 0.5 s, 1 s), so only a client that reads
        // X-Rate-Limit-Time-Reset-Ms waits this long after every 429.
        var wait = TimeSpan.FromMilliseconds(1500);
        sandbox.BigCommerce.Faults.RespondTooManyRequests(5, wait);
        var client = SandboxClients.BigCommerce(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(500, products.Count);
        var requests = sandbox.BigCommerce.Requests.OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(5, requests.Count(r => r.Status == 429));
        for (var i = 1; i < requests.Count; i++)
            if (requests[i - 1].Status == 429)
                Assert.True(requests[i].ReceivedAt - requests[i - 1].ReceivedAt >= wait - TimeSpan.FromMilliseconds(20),
                    $"request {i} came {(requests[i].ReceivedAt - requests[i - 1].ReceivedAt).TotalMilliseconds} ms after a 429 that asked for {wait.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_platform_that_answers_the_same_page_again_stops_the_fetch_with_an_error()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 600);
        var client = SandboxClients.BigCommerce(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var first = await client.FetchAsync(Products, null, ct);

        // Asking for page 1 again where page 2 was expected is what a platform that ignores the page parameter does.
        var repeated = new PageCursor { PageNumber = 2, Query = new Dictionary<string, string> { ["page"] = "1", ["limit"] = "250" }, PreviousPageHash = first.Next!.PreviousPageHash };
        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAsync(Products, repeated, ct));

        Assert.Contains("page 2 repeats page 1", error.Message);
    }

    [Fact]
    public async Task When_the_quota_headers_say_none_are_left_the_client_waits_for_the_window_instead_of_earning_429s()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 1000);
        sandbox.BigCommerce.RateLimit.Quota = 3;
        sandbox.BigCommerce.RateLimit.Window = TimeSpan.FromMilliseconds(500);
        sandbox.BigCommerce.RateLimit.Enabled = true;
        var client = SandboxClients.BigCommerce(sandbox);

        var products = await client.FetchAllAsync(Products with { Query = new Dictionary<string, string> { ["limit"] = "100" } });

        Assert.Equal(1000, products.Count);
        Assert.Equal(10, sandbox.BigCommerce.Requests.Count);
        Assert.DoesNotContain(sandbox.BigCommerce.Requests, r => r.Status == 429);
    }
}
