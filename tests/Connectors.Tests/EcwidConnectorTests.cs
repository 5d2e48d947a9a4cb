using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The Ecwid connector against the Ecwid emulator over real HTTP.</summary>
public sealed class EcwidConnectorTests
{
    private static readonly EntityRequest Products = new() { Entity = "products" };

    [Fact]
    public async Task Fetching_1000_products_takes_10_pages_of_100_and_returns_each_once()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 1000);
        var client = SandboxClients.Ecwid(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(1000, products.Count);
        Assert.Equal(1000, products.Select(p => p["id"]!.GetValue<long>()).Distinct().Count());
        Assert.Equal(10, sandbox.Ecwid.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task The_deleted_products_feed_lists_every_product_deleted_through_the_API_over_its_pages()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 130);
        var client = SandboxClients.Ecwid(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var deleted = sandbox.Ecwid.Products.All.Take(120).Select(p => p["id"]!.GetValue<long>()).ToList();
        foreach (var id in deleted)
            await client.PublishAsync(Products, "DELETE", new JsonObject { ["path"] = new JsonObject { ["objectId"] = id } }, ct);
        sandbox.Ecwid.ClearRequests();

        var feed = await client.FetchAllAsync(new EntityRequest { Entity = "products/deleted" });

        Assert.Equal(deleted, feed.Select(d => d["id"]!.GetValue<long>()));
        Assert.All(feed, d => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000$", d["date"]!.GetValue<string>()));
        Assert.Equal(2, sandbox.Ecwid.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("/products/deleted", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Create_update_and_delete_change_the_store()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.Ecwid(sandbox);
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PublishAsync(Products, "POST",
            new JsonObject { ["payload"] = new JsonObject { ["name"] = "Teapot", ["sku"] = "TEA-1", ["price"] = 19.9 } }, ct);
        var id = long.Parse(created.TargetId!);
        Assert.Equal("Teapot", sandbox.Ecwid.Products.Get(id)!["name"]!.GetValue<string>());

        await client.PublishAsync(Products with { ObjectId = id.ToString() }, "PUT",
            new JsonObject { ["payload"] = new JsonObject { ["price"] = 21.5 } }, ct);
        Assert.Equal(21.5m, sandbox.Ecwid.Products.Get(id)!["price"]!.GetValue<decimal>());

        await client.PublishAsync(Products, "DELETE", new JsonObject { ["path"] = new JsonObject { ["objectId"] = id } }, ct);
        Assert.Null(sandbox.Ecwid.Products.Get(id));
    }

    [Fact]
    public async Task Combinations_are_published_and_fetched_under_their_product()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 2);
        var client = SandboxClients.Ecwid(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var productId = sandbox.Ecwid.Products.All[0]["id"]!.ToString();
        var combinations = new EntityRequest { Entity = "products", ObjectId = productId, NestedEntity = "combinations" };

        await client.PublishAsync(combinations, "POST",
            new JsonObject
            {
                ["payload"] = new JsonObject
                {
                    ["sku"] = "TEA-1-RED", ["price"] = 20,
                    ["options"] = new JsonArray(new JsonObject { ["name"] = "Colour", ["value"] = "Red" }),
                },
            }, ct);
        var fetched = await client.FetchAllAsync(combinations);

        Assert.Contains(fetched, c => c["sku"]?.ToString() == "TEA-1-RED");
    }

    [Fact]
    public async Task A_wrong_token_fails_with_the_platforms_message()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 5);
        var client = SandboxClients.Ecwid(sandbox, token: "secret_wrong");

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAllAsync(Products));

        // Ecwid answers a token it does not know with 403 and its own error body (platforms/ecwid.md).
        Assert.Equal(403, error.StatusCode);
        Assert.Contains(error.Error.Messages, m => m.Contains("Invalid access token in the request", StringComparison.Ordinal));
        Assert.DoesNotContain("secret_wrong", error.Error.ToString());
    }

    [Fact]
    public async Task After_five_429s_every_product_arrives_after_the_Retry_After_waits()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 300);
        sandbox.Ecwid.Faults.RespondTooManyRequests(5, TimeSpan.FromSeconds(1));
        var client = SandboxClients.Ecwid(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(300, products.Count);
        var requests = sandbox.Ecwid.Requests.OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(5, requests.Count(r => r.Status == 429));
        for (var i = 1; i < requests.Count; i++)
            if (requests[i - 1].Status == 429)
                Assert.True(requests[i].ReceivedAt - requests[i - 1].ReceivedAt >= TimeSpan.FromMilliseconds(980),
                    $"request {i} came {(requests[i].ReceivedAt - requests[i - 1].ReceivedAt).TotalMilliseconds} ms after a 429 with Retry-After: 1");
    }
}
