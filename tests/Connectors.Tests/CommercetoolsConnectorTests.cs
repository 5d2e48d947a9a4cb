using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Configuration;
using Switchboard.Connector.Commercetools;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The commercetools connector against the commercetools emulator over real HTTP.</summary>
public sealed class CommercetoolsConnectorTests
{
    private static readonly EntityRequest Products = new() { Entity = "products" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConnectorClient Client(SandboxServer sandbox, string? secret = null, JsonNode? scopes = null, TimeProvider? clock = null)
    {
        var ct = sandbox.Commercetools;
        var settings = new JsonObject
        {
            ["authUrl"] = ct.AuthUrl.ToString(),
            ["projectKey"] = ct.ProjectKey,
            ["clientId"] = ct.ClientId,
            ["clientSecret"] = secret ?? ct.ClientSecret,
        };
        if (scopes is not null) settings["scopes"] = scopes;
        return SandboxClients.Create(new CommercetoolsPlatform(), new ClientConfig
        {
            Name = "ct",
            Platform = "commercetools",
            BaseUri = ct.BaseUri,
            Settings = settings,
            Secrets = [secret ?? ct.ClientSecret],
        }, clock);
    }

    private static JsonObject Draft(string key) => new()
    {
        ["payload"] = new JsonObject
        {
            ["key"] = key,
            ["productType"] = new JsonObject { ["typeId"] = "product-type", ["key"] = "main" },
            ["name"] = new JsonObject { ["en"] = "Teapot" },
            ["slug"] = new JsonObject { ["en"] = key },
            ["masterVariant"] = new JsonObject { ["sku"] = key.ToUpperInvariant() },
        },
    };

    private static JsonObject Actions(params JsonObject[] actions) =>
        new() { ["payload"] = new JsonObject { ["actions"] = new JsonArray(actions) } };

    private static JsonObject ChangeName(string name) =>
        new() { ["action"] = "changeName", ["name"] = new JsonObject { ["en"] = name }, ["staged"] = false };

    private static string NameOf(JsonObject product) => product["masterData"]!["current"]!["name"]!["en"]!.ToString();

    [Fact]
    public async Task Fetching_12000_products_crosses_the_offset_limit_by_id_cursor_and_returns_each_once()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(12_000);
        var client = Client(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(12_000, products.Count);
        Assert.Equal(12_000, products.Select(p => p["id"]!.ToString()).Distinct().Count());
        var pages = sandbox.Commercetools.Requests.Where(r => r.Method == "GET").ToList();
        // 500 a page: offsets 0 … 10,000 are 21 pages (10,500 products); the id cursor takes 3 full pages and an empty one.
        Assert.Equal(25, pages.Count);
        Assert.All(pages, r => Assert.Equal(200, r.Status));
        Assert.Equal(4, pages.Count(r => r.PathAndQuery.Contains("where=id", StringComparison.Ordinal)));
        Assert.Single(sandbox.Commercetools.Requests, r => r.PathAndQuery == "/oauth/token");
    }

    [Fact]
    public async Task A_where_filter_of_the_incoming_is_kept_past_the_offset_limit()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(10_600);
        var client = Client(sandbox);

        var products = await client.FetchAllAsync(Products with
        {
            Query = new Dictionary<string, string> { ["where"] = "masterData(published = true) and version = 1", ["limit"] = "500" },
        });

        Assert.Equal(10_600, products.Select(p => p["id"]!.ToString()).Distinct().Count());
        Assert.Contains(sandbox.Commercetools.Requests, r => r.PathAndQuery.Contains("where=id", StringComparison.Ordinal)
                                                            && r.PathAndQuery.Contains("published", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_the_token_endpoints_message_and_no_secret()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(5);
        var client = Client(sandbox, secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAllAsync(Products));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("invalid_client: Please provide valid client credentials using HTTP Basic Authentication.", error.Error.Messages);
        Assert.Contains("/oauth/token", error.Error.Request);
        Assert.DoesNotContain("not-the-secret", error.Error.ToString());
        Assert.DoesNotContain(sandbox.Commercetools.Requests, r => r.Method == "GET");
    }

    [Fact]
    public async Task Create_update_by_key_and_delete_change_the_project()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = Client(sandbox);

        var created = await client.Platform.PublishAsync(client, Products, "POST", Draft("teapot"), Ct);
        Assert.Equal(201, created.StatusCode);
        var id = created.TargetId!;
        Assert.Equal("Teapot", NameOf(sandbox.Commercetools.Products.Get(id)!));

        var update = Actions(ChangeName("Kettle"));
        update["payload"]!["version"] = 1;
        await client.Platform.PublishAsync(client, Products with { ObjectId = "key=teapot" }, "POST", update, Ct);
        Assert.Equal("Kettle", NameOf(sandbox.Commercetools.Products.Get(id)!));
        Assert.Equal(2, sandbox.Commercetools.Products.Get(id)!["version"]!.GetValue<long>());
        Assert.Contains(sandbox.Commercetools.Requests, r => r is { Method: "POST", PathAndQuery: "/sandbox/products/key=teapot" });

        var deleted = await client.Platform.PublishAsync(client, Products, "DELETE", new JsonObject { ["path"] = new JsonObject { ["objectId"] = id } }, Ct);
        Assert.Equal(200, deleted.StatusCode);
        Assert.Null(sandbox.Commercetools.Products.Get(id));
        Assert.Contains(sandbox.Commercetools.Requests, r => r.Method == "DELETE" && r.PathAndQuery.EndsWith("?version=2", StringComparison.Ordinal));
    }

    // commercetools has no nested collections; the store-scoped resources (/in-store/key={storeKey}/…) are its
    // objects under another object, addressed by the storeKey path parameter.
    [Fact]
    public async Task A_store_scoped_customer_is_published_into_its_store_and_fetched_from_it_only()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = Client(sandbox);
        foreach (var key in new[] { "eu", "us" })
            await client.Platform.PublishAsync(client, new EntityRequest { Entity = "stores" }, "POST",
                new JsonObject { ["payload"] = new JsonObject { ["key"] = key, ["name"] = new JsonObject { ["en"] = key } } }, Ct);
        var inStore = (string store) => new EntityRequest
        {
            Entity = "in-store/customers", Path = new Dictionary<string, string> { ["storeKey"] = store },
        };

        var created = await client.Platform.PublishAsync(client, inStore("eu"), "POST",
            new JsonObject { ["payload"] = new JsonObject { ["email"] = "ada@example.test", ["password"] = "pw-123456" } }, Ct);

        Assert.Equal(201, created.StatusCode);
        Assert.Contains(sandbox.Commercetools.Requests, r => r is { Method: "POST", PathAndQuery: "/sandbox/in-store/key=eu/customers" });
        var eu = await client.FetchAllAsync(inStore("eu"));
        Assert.Equal(created.TargetId, Assert.Single(eu)["id"]!.ToString());
        Assert.Empty(await client.FetchAllAsync(inStore("us")));
    }

    [Fact]
    public async Task An_update_without_a_version_reads_the_current_version_first()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = Client(sandbox);
        var id = sandbox.Commercetools.Products.Add(new JsonObject
        {
            ["key"] = "mug", ["masterData"] = new JsonObject { ["published"] = true, ["current"] = new JsonObject(), ["staged"] = new JsonObject() },
        })["id"]!.ToString();
        sandbox.Commercetools.Products.Update(id, p => p["masterData"]!["current"]!["name"] = new JsonObject { ["en"] = "Mug" });
        sandbox.Commercetools.Products.Update(id, p => p["masterData"]!["staged"]!["name"] = new JsonObject { ["en"] = "Mug" });

        // PUT reads as commercetools' POST update.
        var result = await client.Platform.PublishAsync(client, Products with { ObjectId = id }, "PUT", Actions(ChangeName("Big mug")), Ct);

        Assert.Equal(200, result.StatusCode);
        var product = sandbox.Commercetools.Products.Get(id)!;
        Assert.Equal("Big mug", NameOf(product));
        Assert.Equal(4, product["version"]!.GetValue<long>());
        var writes = sandbox.Commercetools.Requests.Where(r => r.PathAndQuery.StartsWith("/sandbox/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["GET", "POST"], writes.Select(r => r.Method));
        Assert.Contains("\"version\":3", writes[1].Body);
    }

    [Fact]
    public async Task An_update_racing_another_writer_is_repeated_once_with_the_version_the_409_reports()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = Client(sandbox);
        var created = await client.Platform.PublishAsync(client, Products, "POST", Draft("lamp"), Ct);
        var id = created.TargetId!;
        // Another writer gets in between: version 1 → 2.
        sandbox.Commercetools.Products.Update(id, p => p["masterData"]!["current"]!["description"] = new JsonObject { ["en"] = "by the other writer" });
        var stale = Actions(ChangeName("Desk lamp"));
        stale["payload"]!["version"] = 1;

        var result = await client.Platform.PublishAsync(client, Products with { ObjectId = id }, "POST", stale, Ct);

        Assert.Equal(200, result.StatusCode);
        var product = sandbox.Commercetools.Products.Get(id)!;
        Assert.Equal("Desk lamp", NameOf(product));
        Assert.Equal("by the other writer", product["masterData"]!["current"]!["description"]!["en"]!.ToString());
        var updates = sandbox.Commercetools.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith(id, StringComparison.Ordinal)).ToList();
        Assert.Equal([409, 200], updates.Select(r => r.Status));
        Assert.Contains("\"version\":2", updates[1].Body);
    }

    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_and_the_request_repeated()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(1_200);
        var client = Client(sandbox);

        var first = await client.FetchAsync(Products, null, Ct);
        sandbox.Commercetools.Tokens.ExpireAll();
        var all = new List<JsonObject>(first.Entities);
        for (var cursor = first.Next; cursor is not null;)
        {
            var page = await client.FetchAsync(Products, cursor, Ct);
            all.AddRange(page.Entities);
            cursor = page.Next;
        }

        Assert.Equal(1_200, all.Select(p => p["id"]!.ToString()).Distinct().Count());
        var requests = sandbox.Commercetools.Requests;
        Assert.Equal(2, requests.Count(r => r.PathAndQuery == "/oauth/token"));
        Assert.Single(requests, r => r.Status == 401);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_token_fetch()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(50);
        var client = Client(sandbox);
        var ids = sandbox.Commercetools.Products.All.Take(20).Select(p => p["id"]!.ToString());

        var pages = await Task.WhenAll(ids.Select(id => client.FetchAsync(Products with { ObjectId = id }, null, Ct)));

        Assert.All(pages, p => Assert.Single(p.Entities));
        Assert.Single(sandbox.Commercetools.Requests, r => r.PathAndQuery == "/oauth/token");
    }

    [Fact]
    public async Task Refusals_read_as_the_platforms_code_and_message()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = Client(sandbox);
        var created = await client.Platform.PublishAsync(client, Products, "POST", Draft("chair"), Ct);

        var unknown = await Assert.ThrowsAsync<PlatformException>(() => client.Platform.PublishAsync(client, Products with { ObjectId = created.TargetId },
            "POST", Actions(new JsonObject { ["action"] = "paintItBlue" }), Ct));
        var duplicate = await Assert.ThrowsAsync<PlatformException>(() => client.Platform.PublishAsync(client, Products, "POST", Draft("chair"), Ct));

        Assert.Equal(400, unknown.StatusCode);
        Assert.StartsWith("InvalidInput: ", Assert.Single(unknown.Error.Messages));
        Assert.Contains("paintItBlue", unknown.Error.Messages[0]);
        Assert.Equal("DuplicateField: A duplicate value '\"chair\"' exists for field 'key'.", Assert.Single(duplicate.Error.Messages));
    }

    [Fact]
    public async Task Query_parameters_pass_through_and_scopes_limit_what_a_token_may_do()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(30);
        var client = Client(sandbox, scopes: new JsonArray("view_products:sandbox"));

        var found = await client.FetchAllAsync(Products with
        {
            Query = new Dictionary<string, string> { ["where"] = "key = \"product-7\"", ["expand"] = "productType", ["withTotal"] = "false" },
        });
        var refused = await Assert.ThrowsAsync<PlatformException>(() => client.Platform.PublishAsync(client, Products, "POST", Draft("sofa"), Ct));

        Assert.Equal("main", Assert.Single(found)["productType"]!["obj"]!["key"]!.ToString());
        Assert.Contains("scope=view_products%3Asandbox", sandbox.Commercetools.Requests.First(r => r.PathAndQuery == "/oauth/token").Body);
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("insufficient_scope: Insufficient scope. One of the following scopes is missing: manage_products:sandbox", Assert.Single(refused.Error.Messages));
    }

    // The client renews min(5 minutes, half the lifetime) before expiry: a 1-hour token (commercetools' shortest) at
    // 56 minutes, a 2-minute one at 61 seconds. Both are still valid on the platform then.
    [Theory]
    [InlineData(3600, 50 * 60, 6 * 60)]
    [InlineData(120, 30, 31)]
    public async Task A_token_is_reused_while_fresh_and_replaced_before_it_expires_so_no_request_is_refused(
        int lifetimeSeconds, int freshAfterSeconds, int thenSeconds)
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Commercetools.Seed(30);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        sandbox.Commercetools.Tokens.Clock = clock;
        sandbox.Commercetools.Tokens.Lifetime = TimeSpan.FromSeconds(lifetimeSeconds);
        var client = Client(sandbox, clock: clock);

        await client.FetchAsync(Products, null, Ct);
        clock.Advance(TimeSpan.FromSeconds(freshAfterSeconds));
        await client.FetchAsync(Products, null, Ct);
        clock.Advance(TimeSpan.FromSeconds(thenSeconds));
        var firstToken = sandbox.Commercetools.Requests.First(r => r.Method == "GET").Authorization!["Bearer ".Length..];
        var firstStillValid = sandbox.Commercetools.Tokens.Find(firstToken) is not null;
        await client.FetchAsync(Products, null, Ct);

        var requests = sandbox.Commercetools.Requests;
        Assert.True(firstStillValid);
        Assert.Equal(["token", "GET", "GET", "token", "GET"], requests.Select(r => r.PathAndQuery == "/oauth/token" ? "token" : r.Method));
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        var used = requests.Where(r => r.Method == "GET").Select(r => r.Authorization).ToList();
        Assert.Equal(used[0], used[1]);
        Assert.NotEqual(used[1], used[2]);
    }
}
