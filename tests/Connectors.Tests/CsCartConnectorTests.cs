using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The CS-Cart connector against the CS-Cart emulator over real HTTP.</summary>
public sealed class CsCartConnectorTests
{
    private static readonly EntityRequest Products = new() { Entity = "products" };

    private static JsonObject Payload(JsonObject fields) => new() { ["payload"] = fields };

    [Fact]
    public async Task Fetching_1000_products_takes_10_pages_of_100_and_returns_each_once()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 1000);
        var client = SandboxClients.CsCart(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(1000, products.Count);
        Assert.Equal(1000, products.Select(p => p["product_id"]!.GetValue<string>()).Distinct().Count());
        var gets = sandbox.CsCart.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(10, gets.Count);
        Assert.All(gets, r => Assert.Contains("items_per_page=100", r.PathAndQuery));
        Assert.All(gets, r => Assert.StartsWith("Basic ", r.Authorization));
    }

    [Fact]
    public async Task A_page_size_that_does_not_divide_the_total_stops_at_the_last_page_although_CS_Cart_repeats_it()
    {
        // CS-Cart clamps a page past the end to the last page, so only the string total_items can end this list.
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 1000);
        var client = SandboxClients.CsCart(sandbox);

        var products = await client.FetchAllAsync(Products with { Query = new Dictionary<string, string> { ["items_per_page"] = "300" } });

        Assert.Equal(1000, products.Select(p => p["product_id"]!.ToString()).Distinct().Count());
        Assert.Equal(1000, products.Count);
        Assert.Equal(4, sandbox.CsCart.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Create_update_and_delete_change_the_store()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 5);
        var client = SandboxClients.CsCart(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var categoryId = sandbox.CsCart.Categories.All[0]["category_id"]!.ToString();

        var created = await client.PublishAsync(Products, "POST",
            Payload(new JsonObject { ["product"] = "Teapot", ["category_ids"] = new JsonArray(categoryId), ["price"] = "19.90" }), ct);
        Assert.Equal(201, created.StatusCode);
        var id = long.Parse(created.TargetId!);
        Assert.Equal("Teapot", sandbox.CsCart.Products.Get(id)!["product"]!.GetValue<string>());

        var updated = await client.PublishAsync(Products with { ObjectId = id.ToString() }, "PUT", Payload(new JsonObject { ["price"] = "21.50" }), ct);
        Assert.Equal(200, updated.StatusCode);
        Assert.Equal("21.50", sandbox.CsCart.Products.Get(id)!["price"]!.ToString());
        Assert.Equal("Teapot", sandbox.CsCart.Products.Get(id)!["product"]!.ToString());

        var deleted = await client.PublishAsync(Products, "DELETE", new JsonObject { ["path"] = new JsonObject { ["objectId"] = id } }, ct);
        Assert.Equal(204, deleted.StatusCode);
        Assert.Null(sandbox.CsCart.Products.Get(id));
        Assert.All(sandbox.CsCart.Requests.Where(r => r.Method is "POST" or "PUT"), r => Assert.NotNull(r.Body));
    }

    [Fact]
    public async Task A_product_without_a_price_is_refused_with_CS_Carts_message()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 2);
        var client = SandboxClients.CsCart(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.PublishAsync(Products, "POST",
            Payload(new JsonObject { ["product"] = "Teapot", ["category_ids"] = "1" }), TestContext.Current.CancellationToken));

        Assert.Equal(400, error.StatusCode);
        Assert.False(error.Transient);
        Assert.Equal("Bad Request: Required field \"price\" is missing", Assert.Single(error.Error.Messages));
        Assert.Equal(2, sandbox.CsCart.Products.Count);
    }

    [Fact]
    public async Task Updating_a_product_that_does_not_exist_fails_with_404()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 2);
        var client = SandboxClients.CsCart(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.PublishAsync(Products with { ObjectId = "9999" }, "PUT",
            Payload(new JsonObject { ["price"] = "1" }), TestContext.Current.CancellationToken));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("Not Found", error.Error.Messages);
    }

    [Fact]
    public async Task A_wrong_API_key_fails_with_401_and_CS_Carts_message_without_showing_the_key()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 5);
        var client = SandboxClients.CsCart(sandbox, apiKey: "WrongKeyWrongKeyWrongKeyWrongKey");

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAllAsync(Products));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Unauthorized", Assert.Single(error.Error.Messages));
        Assert.DoesNotContain("WrongKey", error.Error.ToString());
        Assert.All(sandbox.CsCart.Requests, r => Assert.Equal(401, r.Status));
    }

    [Fact]
    public async Task Products_of_a_category_are_fetched_under_it()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 300);
        var client = SandboxClients.CsCart(sandbox);
        var categoryId = sandbox.CsCart.Categories.All[1]["category_id"]!.ToString();
        var expected = sandbox.CsCart.Products.Where(p => p["category_ids"]!.AsArray().Any(c => c!.ToString() == categoryId))
            .Select(p => p["product_id"]!.ToString()).Order().ToArray();

        var products = await client.FetchAllAsync(new EntityRequest { Entity = "categories", ObjectId = categoryId, NestedEntity = "products" });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, products.Select(p => p["product_id"]!.ToString()).Order().ToArray());
        Assert.Contains(sandbox.CsCart.Requests, r => r.PathAndQuery.StartsWith($"/api/2.0/categories/{categoryId}/products?"));
    }

    [Fact]
    public async Task A_products_features_keyed_by_id_arrive_as_a_list()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 3);
        var client = SandboxClients.CsCart(sandbox);
        var product = sandbox.CsCart.Products.All[1];

        var features = await client.FetchAllAsync(new EntityRequest { Entity = "products", ObjectId = product["product_id"]!.ToString(), NestedEntity = "features" });

        var expected = product["product_features"]!.AsObject();
        Assert.Equal(expected.Count, features.Count);
        Assert.All(features, f => Assert.Equal(expected[f["feature_id"]!.ToString()]!.ToString(), f["value"]!.ToString()));
    }

    [Fact]
    public async Task A_review_is_published_under_its_product_and_fetched_back()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 3);
        var client = SandboxClients.CsCart(sandbox);
        var productId = sandbox.CsCart.Products.All[2]["product_id"]!.ToString();
        var discussions = new EntityRequest { Entity = "products", ObjectId = productId, NestedEntity = "discussions" };

        var created = await client.PublishAsync(discussions, "POST",
            Payload(new JsonObject { ["name"] = "Ines", ["message"] = "Pours well.", ["rating_value"] = "5" }), TestContext.Current.CancellationToken);
        var fetched = await client.FetchAllAsync(discussions);

        Assert.Equal(201, created.StatusCode);
        var stored = sandbox.CsCart.Discussions.Get(long.Parse(created.TargetId!))!;
        Assert.Equal(productId, stored["object_id"]!.ToString());
        Assert.Contains(fetched, d => d["post_id"]!.ToString() == created.TargetId && d["message"]!.ToString() == "Pours well.");
        Assert.All(fetched, d => Assert.Equal(productId, d["object_id"]!.ToString()));
    }

    [Fact]
    public async Task Numbers_arrive_as_strings_as_CS_Cart_sends_them()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 3);
        var client = SandboxClients.CsCart(sandbox);

        var product = (await client.FetchAllAsync(Products))[0];

        Assert.Equal(JsonValueKind.String, product["product_id"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, product["amount"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, product["category_ids"]![0]!.GetValueKind());
    }

    [Fact]
    public async Task The_quota_answer_509_and_server_errors_are_retried_until_every_product_arrives()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 250);
        sandbox.CsCart.Faults.RespondTooManyRequests(1);
        sandbox.CsCart.Faults.RespondServerError(2, 503);
        var client = SandboxClients.CsCart(sandbox);

        var products = await client.FetchAllAsync(Products);

        Assert.Equal(250, products.Select(p => p["product_id"]!.ToString()).Distinct().Count());
        Assert.Equal(1, sandbox.CsCart.Requests.Count(r => r.Status == 509));
        Assert.Equal(2, sandbox.CsCart.Requests.Count(r => r.Status == 503));
    }

    [Fact]
    public async Task A_429_from_a_proxy_in_front_of_CS_Cart_is_retried_until_the_product_is_created()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 1);
        sandbox.CsCart.QuotaStatus = 429;
        sandbox.CsCart.Faults.RespondTooManyRequests(2, TimeSpan.FromSeconds(1));
        var client = SandboxClients.CsCart(sandbox);

        var created = await client.PublishAsync(Products, "POST",
            Payload(new JsonObject { ["product"] = "Kettle", ["category_ids"] = "1", ["price"] = 30 }), TestContext.Current.CancellationToken);

        Assert.Equal(201, created.StatusCode);
        Assert.Equal("Kettle", sandbox.CsCart.Products.Get(long.Parse(created.TargetId!))!["product"]!.ToString());
        Assert.Equal(2, sandbox.CsCart.Requests.Count(r => r.Status == 429));
    }

    [Fact]
    public async Task A_review_is_changed_and_deleted_under_its_product_by_its_nested_id()
    {
        // Every tenth product has a review: products 1 and 11 here.
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 11);
        var client = SandboxClients.CsCart(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var (review, otherReview) = (sandbox.CsCart.Discussions.All[0], sandbox.CsCart.Discussions.All[1]);
        var productId = review["object_id"]!.ToString();
        var postId = review["post_id"]!.ToString();
        var otherPostId = otherReview["post_id"]!.ToString();
        var discussions = new EntityRequest { Entity = "products", NestedEntity = "discussions" };

        // The ids come in the entity's path, as a route's transformers put them there.
        var updated = await client.PublishAsync(discussions, "PUT", new JsonObject
        {
            ["path"] = new JsonObject { ["objectId"] = productId, ["nestedObjectId"] = postId },
            ["payload"] = new JsonObject { ["message"] = "Edited: pours well.", ["status"] = "D" },
        }, ct);
        var elsewhere = await Assert.ThrowsAsync<PlatformException>(() =>
            client.PublishAsync(discussions with { ObjectId = productId, NestedObjectId = otherPostId }, "DELETE", new JsonObject(), ct));
        var deleted = await client.PublishAsync(discussions with { ObjectId = productId, NestedObjectId = postId }, "DELETE", new JsonObject(), ct);

        Assert.Equal(200, updated.StatusCode);
        Assert.Equal(postId, updated.TargetId);
        Assert.Contains(sandbox.CsCart.Requests, r => r is { Method: "PUT", Status: 200 } && r.PathAndQuery == $"/api/2.0/products/{productId}/discussions/{postId}");
        Assert.Equal(404, elsewhere.StatusCode);
        Assert.NotNull(sandbox.CsCart.Discussions.Get(long.Parse(otherPostId)));
        Assert.Equal(204, deleted.StatusCode);
        Assert.Null(sandbox.CsCart.Discussions.Get(long.Parse(postId)));
        Assert.Contains(sandbox.CsCart.Requests, r => r is { Method: "DELETE", Status: 204 } && r.PathAndQuery == $"/api/2.0/products/{productId}/discussions/{postId}");
    }

    [Fact]
    public async Task A_user_joins_and_leaves_a_usergroup_addressed_by_its_nested_id()
    {
        await using var sandbox = await SandboxClients.StartAsync(csCartProducts: 4);
        var client = SandboxClients.CsCart(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var userId = sandbox.CsCart.Users.All[0]["user_id"]!.ToString();
        var groups = sandbox.CsCart.Store("usergroups").All;
        var wholesale = groups.Single(g => g["usergroup"]!.ToString() == "Wholesale")["usergroup_id"]!.ToString();
        var managers = groups.Single(g => g["usergroup"]!.ToString() == "Managers")["usergroup_id"]!.ToString();
        var memberships = new EntityRequest { Entity = "users", ObjectId = userId, NestedEntity = "usergroups" };

        var joined = await client.PublishAsync(memberships, "PUT", new JsonObject
        {
            ["path"] = new JsonObject { ["nestedObjectId"] = wholesale },
            ["payload"] = new JsonObject { ["status"] = "A" },
        }, ct);
        var link = Assert.Single(sandbox.CsCart.UsergroupLinks.All);
        var member = Assert.Single(await client.FetchAllAsync(memberships));
        var left = await client.PublishAsync(memberships with { NestedObjectId = wholesale }, "DELETE", new JsonObject(), ct);
        var afterLeaving = await client.FetchAllAsync(memberships);
        // An administrators' group takes no customer.
        var refused = await Assert.ThrowsAsync<PlatformException>(() => client.PublishAsync(memberships with { NestedObjectId = managers }, "PUT",
            new JsonObject { ["payload"] = new JsonObject { ["status"] = "A" } }, ct));

        Assert.Equal(200, joined.StatusCode);
        Assert.Equal((userId, wholesale, "A"), (link["user_id"]!.ToString(), link["usergroup_id"]!.ToString(), link["status"]!.ToString()));
        Assert.Contains(sandbox.CsCart.Requests, r => r is { Method: "PUT", Status: 200 } && r.PathAndQuery == $"/api/2.0/users/{userId}/usergroups/{wholesale}");
        Assert.Equal((wholesale, "A"), (member["usergroup_id"]!.GetValue<string>(), member["status"]!.GetValue<string>()));
        Assert.Equal(204, left.StatusCode);
        Assert.Equal("F", Assert.Single(sandbox.CsCart.UsergroupLinks.All)["status"]!.ToString());
        Assert.Empty(afterLeaving);
        Assert.Equal(400, refused.StatusCode);
        Assert.Single(sandbox.CsCart.UsergroupLinks.All);
    }
}
