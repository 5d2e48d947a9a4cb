using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The OpenCart connector against the OpenCart emulator over real HTTP. OpenCart's API has no lists with
/// pages (its reading routes answer everything at once), so there are no pagination tests here.</summary>
public sealed class OpenCartConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntityRequest Entity(string name) => new() { Entity = name };

    /// <summary>As the publish consumer sends an entity: through the platform, which runs "Order - Place" as its sequence.</summary>
    private static Task<PublishResult> Publish(ConnectorClient client, EntityRequest request, string method, JsonObject document, CancellationToken ct) =>
        client.Platform.PublishAsync(client, request, method, document, ct);

    private static JsonObject Payload(JsonObject fields) => new() { ["payload"] = fields };

    private static JsonObject Customer() => new()
    {
        ["customer_id"] = 0, ["customer_group_id"] = 1, ["firstname"] = "Ada", ["lastname"] = "Lovelace",
        ["email"] = "ada@example.com", ["telephone"] = "+44 20 7946 0000",
    };

    private static JsonObject Address(long countryId = 222, long zoneId = 3563) => new()
    {
        ["firstname"] = "Ada", ["lastname"] = "Lovelace", ["company"] = "", ["address_1"] = "12 St James's Square",
        ["address_2"] = "", ["city"] = "London", ["postcode"] = "SW1Y 4JH", ["country_id"] = countryId, ["zone_id"] = zoneId,
    };

    private static JsonObject Order(string? comment = null) => new()
    {
        ["customer"] = Customer(),
        ["products"] = new JsonArray(
            new JsonObject { ["product_id"] = 40, ["quantity"] = 2 },
            new JsonObject { ["product_id"] = 43, ["quantity"] = 1 }),
        ["payment_address"] = Address(),
        ["shipping_address"] = Address(),
        ["shipping_method"] = "flat.flat",
        ["payment_method"] = "cod",
        ["comment"] = comment ?? "Leave at the door & ring <twice>",
    };

    [Fact]
    public async Task A_route_call_logs_in_once_and_carries_the_session()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);

        await Publish(client, Entity("Customer - Set customer"), "POST", Payload(Customer()), Ct);
        await Publish(client, Entity("Currency - Set"), "POST", Payload(new JsonObject { ["currency"] = "EUR" }), Ct);

        var requests = sandbox.OpenCart.Requests;
        Assert.Single(requests, r => r.PathAndQuery.Contains("route=api/login"));
        var calls = requests.Where(r => !r.PathAndQuery.Contains("route=api/login")).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, r => Assert.False(string.IsNullOrEmpty(r.Authorization)));
        Assert.Equal(calls[0].Authorization, calls[1].Authorization);
    }

    [Fact]
    public async Task A_wrong_key_fails_with_the_platforms_message_and_no_key_in_it()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox, apiKey: "not-the-key-of-this-store");

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, Entity("Customer - Set customer"), "POST", Payload(Customer()), Ct));

        Assert.Contains(error.Error.Messages, m => m.Contains("Incorrect API Key"));
        Assert.DoesNotContain("not-the-key-of-this-store", error.Error.ToString());
        Assert.DoesNotContain(sandbox.OpenCart.Requests, r => r.PathAndQuery.Contains("route=api/customer"));
    }

    [Fact]
    public async Task A_caller_whose_IP_is_not_on_the_list_gets_the_platforms_message()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.DisallowIp("127.0.0.1");
        var client = SandboxClients.OpenCart(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, Entity("Coupon - Apply existing coupon"), "POST", Payload(new JsonObject { ["coupon"] = "2222" }), Ct));

        Assert.Contains(error.Error.Messages, m => m.Contains("Your IP 127.0.0.1 is not allowed to access this API"));
    }

    [Fact]
    public async Task An_expired_session_is_renewed_and_the_call_repeated_without_failing()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);
        await Publish(client, Entity("Currency - Set"), "POST", Payload(new JsonObject { ["currency"] = "EUR" }), Ct);

        sandbox.OpenCart.ExpireSessions();
        var result = await Publish(client, Entity("Coupon - Apply existing coupon"), "POST", Payload(new JsonObject { ["coupon"] = "2222" }), Ct);

        Assert.Equal("Success: Your coupon discount has been applied!", result.Response!["success"]!.ToString());
        var requests = sandbox.OpenCart.Requests;
        Assert.Equal(2, requests.Count(r => r.PathAndQuery.Contains("route=api/login")));
        Assert.Equal(2, requests.Count(r => r.PathAndQuery.Contains("route=api/coupon")));
    }

    [Fact]
    public async Task A_per_field_error_in_a_200_answer_is_a_failure_with_that_message()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.AnswerNext("api/coupon", new JsonObject
        {
            ["error"] = new JsonObject { ["coupon"] = "Warning: Coupon is either invalid, expired or reached its usage limit!" },
        });
        var client = SandboxClients.OpenCart(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, Entity("Coupon - Apply existing coupon"), "POST", Payload(new JsonObject { ["coupon"] = "SUMMER10" }), Ct));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("coupon: Warning: Coupon is either invalid, expired or reached its usage limit!", error.Error.Messages);
    }

    [Fact]
    public async Task An_unknown_coupon_is_refused_with_the_stores_message()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, Entity("Coupon - Apply existing coupon"), "POST", Payload(new JsonObject { ["coupon"] = "NOPE" }), Ct));

        Assert.Contains("Warning: Coupon is either invalid, expired or reached its usage limit!", error.Error.Messages);
    }

    [Fact]
    public async Task Nested_arrays_reach_the_store_as_PHP_parses_them_and_the_cart_reads_back()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);

        await Publish(client, Entity("Cart - Add product"), "POST", Payload(new JsonObject
        {
            ["product"] = new JsonArray(
                new JsonObject { ["product_id"] = 42, ["quantity"] = 2, ["option"] = new JsonObject { ["226"] = 15 } },
                new JsonObject { ["product_id"] = 43, ["quantity"] = 1 }),
        }), Ct);
        var cart = await client.FetchAllAsync(Entity("Cart - Products in cart"));

        var post = sandbox.OpenCart.Posts.Single(p => p.Route == "api/cart/add").Fields;
        Assert.Equal("42", post["product"]!["0"]!["product_id"]!.ToString());
        Assert.Equal("2", post["product"]!["0"]!["quantity"]!.ToString());
        Assert.Equal("15", post["product"]!["0"]!["option"]!["226"]!.ToString());
        Assert.Equal("43", post["product"]!["1"]!["product_id"]!.ToString());
        Assert.Equal([42L, 43L], cart.Select(p => p["product_id"]!.GetValue<long>()).ToArray());
        Assert.Equal(2, cart[0]["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Shipping_methods_are_fetched_as_one_answer_without_pages()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);
        await Publish(client, Entity("Cart - Add product"), "POST", Payload(new JsonObject { ["product_id"] = 40, ["quantity"] = 1 }), Ct);
        await Publish(client, Entity("Shipping - Set address"), "POST", Payload(Address()), Ct);

        var page = await client.FetchAsync(Entity("Shipping - Returning available shipping methods"), null, Ct);

        var answer = Assert.Single(page.Entities);
        Assert.Null(page.Next);
        Assert.Equal("flat.flat", answer["shipping_methods"]!["flat"]!["quote"]!["flat"]!["code"]!.ToString());
    }

    public static TheoryData<string, string> Versions => new()
    {
        { "3.0", "3.0.3.8" },
        { "4.0.1.3", "4.0.1.3" },
        { "4.0.2", "4.0.2.3" },
        { "4.1", "4.1.0.0" },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Placing_an_order_creates_it_in_the_store_with_its_customer_and_products(string clientVersion, string storeVersion)
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = storeVersion;
        var client = SandboxClients.OpenCart(sandbox, version: clientVersion);

        var result = await Publish(client, Entity("Order - Place"), "POST", Payload(Order()), Ct);

        var order = Assert.Single(sandbox.OpenCart.Orders.All);
        Assert.Equal(order["order_id"]!.ToString(), result.TargetId);
        Assert.Equal("ada@example.com", order["customer"]!["email"]!.ToString());
        Assert.Equal([(40L, 2), (43L, 1)], order["products"]!.AsArray()
            .Select(p => (p!["product_id"]!.GetValue<long>(), p["quantity"]!.GetValue<int>())).ToArray());
        Assert.Equal("flat.flat", order["shipping_method"]!["code"]!.ToString());
        Assert.Equal("cod", order["payment_method"]!["code"]!.ToString());
        // Stored as OpenCart stores every posted value: HTML-escaped by its Request class.
        Assert.Equal("Leave at the door &amp; ring &lt;twice&gt;", order["comment"]!.ToString());
    }

    [Fact]
    public async Task A_placed_order_is_changed_by_its_history_and_deleted_by_its_id()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);
        var placed = await Publish(client, Entity("Order - Place"), "POST", Payload(Order()), Ct);
        var byId = new JsonObject { ["order_id"] = placed.TargetId };

        await Publish(client, Entity("Order - Add history"), "POST",
            new JsonObject { ["query"] = byId.DeepClone(), ["payload"] = new JsonObject { ["order_status_id"] = 5, ["comment"] = "Shipped" } }, Ct);
        var order = Assert.Single(sandbox.OpenCart.Orders.All);
        Assert.Equal(5, order["order_status_id"]!.GetValue<long>());
        Assert.Equal("Shipped", order["history"]![0]!["comment"]!.ToString());

        await Publish(client, Entity("Order - Delete"), "POST", new JsonObject { ["query"] = byId.DeepClone() }, Ct);
        Assert.Empty(sandbox.OpenCart.Orders.All);
        var again = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, Entity("Order - Delete"), "POST", new JsonObject { ["query"] = byId.DeepClone() }, Ct));
        Assert.Contains("Warning: Order could not be found!", again.Error.Messages);
    }

    [Fact]
    public async Task Placing_an_order_without_methods_takes_the_first_the_store_offers()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);
        var order = Order();
        order.Remove("shipping_method");
        order.Remove("payment_method");

        await Publish(client, Entity("Order - Place"), "POST", Payload(order), Ct);

        var placed = Assert.Single(sandbox.OpenCart.Orders.All);
        Assert.Equal("flat.flat", placed["shipping_method"]!["code"]!.ToString());
        Assert.Equal("cod", placed["payment_method"]!["code"]!.ToString());
    }

    [Fact]
    public async Task A_refusal_in_the_middle_of_placing_an_order_names_the_step_and_what_was_done()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);
        var order = Order();
        order["shipping_address"] = Address(countryId: 999);

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, Entity("Order - Place"), "POST", Payload(order), Ct));

        var messages = string.Join("\n", error.Error.Messages);
        Assert.Contains("'Shipping - Set address'", messages);
        Assert.Contains("Please select a country!", messages);
        Assert.Contains("done before it: Login, Customer - Set customer, Cart - Add product, Payment - Set address", messages);
        Assert.Empty(sandbox.OpenCart.Orders.All);
    }

    [Fact]
    public async Task Orders_placed_side_by_side_each_get_their_own_cart()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.OpenCart(sandbox);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var order = Order(comment: $"order {i}");
            order["products"] = new JsonArray(new JsonObject { ["product_id"] = 28, ["quantity"] = i + 1 });
            return Publish(client, Entity("Order - Place"), "POST", Payload(order), Ct);
        }));

        var orders = sandbox.OpenCart.Orders.All;
        Assert.Equal(6, orders.Count);
        Assert.All(orders, o => Assert.Equal(
            int.Parse(o["comment"]!.ToString()["order ".Length..]) + 1,
            Assert.Single(o["products"]!.AsArray())!["quantity"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_signed_41_call_is_accepted_and_the_same_call_with_a_wrong_key_is_refused_with_403()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.1.0.0";
        var good = SandboxClients.OpenCart(sandbox, version: "4.1");
        var bad = SandboxClients.OpenCart(sandbox, version: "4.1", apiKey: "another-key-entirely");
        var customer = Payload(Customer());
        customer["payload"]!["firstname"] = "A\"d & <B> ";

        var accepted = await Publish(good, Entity("Customer - Set customer"), "POST", customer, Ct);
        var refused = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(bad, Entity("Customer - Set customer"), "POST", customer, Ct));

        Assert.Equal("You have successfully modified customers", accepted.Response!["success"]!.ToString());
        Assert.Equal(403, refused.StatusCode);
        Assert.Contains("Warning: You do not have permission to access the API!", refused.Error.Messages);
        Assert.DoesNotContain(sandbox.OpenCart.Requests, r => r.PathAndQuery.Contains("api_token"));
    }

    [Fact]
    public async Task A_40_client_uses_the_separator_of_its_release()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.0.2.3";
        var current = SandboxClients.OpenCart(sandbox, version: "4.0.2.3");
        var older = SandboxClients.OpenCart(sandbox, version: "4.0.1.3");

        await Publish(current, Entity("Cart - Add product"), "POST", Payload(new JsonObject { ["product_id"] = 40, ["quantity"] = 1 }), Ct);
        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(older, Entity("Cart - Add product"), "POST", Payload(new JsonObject { ["product_id"] = 40, ["quantity"] = 1 }), Ct));

        Assert.Contains(sandbox.OpenCart.Requests, r => r.PathAndQuery.Contains("route=api/account/login"));
        Assert.Contains(sandbox.OpenCart.Posts, p => p.Route == "api/sale/cart.add");
        Assert.Equal(404, error.StatusCode);
        Assert.Contains(sandbox.OpenCart.Posts, p => p.Route == "api/sale/cart|add");
    }
}
