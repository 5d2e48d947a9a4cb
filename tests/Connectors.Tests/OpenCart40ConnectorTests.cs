using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The OpenCart 4.0 routes as catalog/controller/api/sale/*.php has them, against the emulator running 4.0:
/// methods listed by index() and set by save(), an edit as load → changes → confirm, history by a posted order_id.</summary>
public sealed class OpenCart40ConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, char> Releases => new() { { "4.0.1.3", '|' }, { "4.0.2.3", '.' } };

    private static Task<PublishResult> Publish(ConnectorClient client, string entity, JsonObject document) =>
        client.Platform.PublishAsync(client, new EntityRequest { Entity = entity }, "POST", document, Ct);

    private static JsonObject Address(string city = "London") => new()
    {
        ["firstname"] = "Ada", ["lastname"] = "Lovelace", ["company"] = "", ["address_1"] = "12 St James's Square",
        ["address_2"] = "", ["city"] = city, ["postcode"] = "SW1Y 4JH", ["country_id"] = 222, ["zone_id"] = 3563,
    };

    private static JsonObject Order() => new()
    {
        ["customer"] = new JsonObject
        {
            ["customer_id"] = 0, ["customer_group_id"] = 1, ["firstname"] = "Ada", ["lastname"] = "Lovelace",
            ["email"] = "ada@example.com", ["telephone"] = "+44 20 7946 0000",
        },
        ["products"] = new JsonArray(new JsonObject { ["product_id"] = 40, ["quantity"] = 2 }),
        ["payment_address"] = Address(),
        ["shipping_address"] = Address(),
        ["shipping_method"] = "flat.flat",
        ["payment_method"] = "cod",
    };

    private static async Task<(SandboxServer Server, ConnectorClient Client, string OrderId)> PlacedAsync(SandboxServer sandbox, string release)
    {
        sandbox.OpenCart.Version = release;
        var client = SandboxClients.OpenCart(sandbox, version: release);
        var placed = await Publish(client, "Order - Place", new JsonObject { ["payload"] = Order() });
        return (sandbox, client, placed.TargetId!);
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Placing_an_order_lists_methods_by_the_bare_route_and_sets_them_by_save(string release, char separator)
    {
        await using var sandbox = await SandboxClients.StartAsync();
        await PlacedAsync(sandbox, release);

        var routes = sandbox.OpenCart.Posts.Select(p => p.Route).ToList();
        Assert.Contains("api/sale/shipping_method", routes);
        Assert.Contains($"api/sale/shipping_method{separator}save", routes);
        Assert.Contains("api/sale/payment_method", routes);
        Assert.Contains($"api/sale/payment_method{separator}save", routes);
        Assert.DoesNotContain(routes, r => r.Contains("getMethods"));
        Assert.Single(sandbox.OpenCart.Orders.All);
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Editing_an_order_changes_that_order_and_creates_no_other(string release, char separator)
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var (_, client, orderId) = await PlacedAsync(sandbox, release);

        var edited = await Publish(client, "Order - Edit", new JsonObject
        {
            ["query"] = new JsonObject { ["order_id"] = orderId },
            ["payload"] = new JsonObject
            {
                ["products"] = new JsonArray(new JsonObject { ["product_id"] = 43, ["quantity"] = 3 }),
                ["shipping_address"] = Address(city: "Bath"),
                ["shipping_method"] = "pickup.pickup",
            },
        });

        var order = Assert.Single(sandbox.OpenCart.Orders.All);
        Assert.Equal(orderId, edited.TargetId);
        Assert.Equal([(43L, 3)], order["products"]!.AsArray().Select(p => (p!["product_id"]!.GetValue<long>(), p["quantity"]!.GetValue<int>())).ToArray());
        Assert.Equal("Bath", order["shipping_address"]!["city"]!.ToString());
        Assert.Equal("pickup.pickup", order["shipping_method"]!["code"]!.ToString());
        // What the payload leaves out stays as load() put it into the session.
        Assert.Equal("ada@example.com", order["customer"]!["email"]!.ToString());
        Assert.Equal("cod", order["payment_method"]!["code"]!.ToString());
        var load = Assert.Single(sandbox.OpenCart.Requests, r => Uri.UnescapeDataString(r.PathAndQuery).Contains($"route=api/sale/order{separator}load"));
        Assert.Contains($"order_id={orderId}", load.PathAndQuery);
        Assert.Equal("Order - Load", edited.Response!["steps"]![1]!.ToString());
    }

    [Fact]
    public async Task Editing_an_order_the_store_does_not_have_stops_at_the_load_and_creates_nothing()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.0.2.3";
        var client = SandboxClients.OpenCart(sandbox, version: "4.0.2.3");

        var error = await Assert.ThrowsAsync<PlatformException>(() => Publish(client, "Order - Edit", new JsonObject
        {
            ["query"] = new JsonObject { ["order_id"] = "77" },
            ["payload"] = new JsonObject { ["order_status_id"] = 2 },
        }));

        var messages = string.Join("\n", error.Error.Messages);
        Assert.Contains("'Order - Load'", messages);
        Assert.Contains("Warning: Order could not be found!", messages);
        Assert.Empty(sandbox.OpenCart.Orders.All);
        Assert.DoesNotContain(sandbox.OpenCart.Posts, p => p.Route == "api/sale/order.confirm");
    }

    [Fact]
    public async Task Editing_without_an_order_id_is_refused_before_anything_is_sent()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.0.2.3";
        var client = SandboxClients.OpenCart(sandbox, version: "4.0.2.3");

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Publish(client, "Order - Edit", new JsonObject { ["payload"] = new JsonObject { ["order_status_id"] = 2 } }));

        Assert.Contains(error.Error.Messages, m => m.Contains("give query.order_id"));
        Assert.Empty(sandbox.OpenCart.Requests);
    }

    [Fact]
    public async Task History_reaches_a_40_store_with_the_order_id_as_a_form_field()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var (_, client, orderId) = await PlacedAsync(sandbox, "4.0.2.3");

        await Publish(client, "Order - Add history", new JsonObject
        {
            ["query"] = new JsonObject { ["order_id"] = orderId },
            ["payload"] = new JsonObject { ["order_status_id"] = 5, ["comment"] = "Shipped" },
        });

        var post = Assert.Single(sandbox.OpenCart.Posts, p => p.Route == "api/sale/order.addHistory");
        Assert.Equal(orderId, post.Fields["order_id"]!.ToString());
        var history = Assert.Single(sandbox.OpenCart.Requests, r => r.PathAndQuery.Contains("route=api/sale/order.addHistory"));
        Assert.DoesNotContain("order_id=", history.PathAndQuery);
        Assert.Equal(5, Assert.Single(sandbox.OpenCart.Orders.All)["order_status_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Order_info_is_refused_for_a_40_client_because_no_40_route_answers_an_order()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var v40 = SandboxClients.OpenCart(sandbox, version: "4.0");
        var v30 = SandboxClients.OpenCart(sandbox, version: "3.0");

        var refusal = v40.Platform.Unavailable(v40.Config, "Order - Info");

        Assert.StartsWith("'Order - Info' is not available in OpenCart 4.0", refusal);
        Assert.Null(v30.Platform.Unavailable(v30.Config, "Order - Info"));
        Assert.NotNull(v30.Platform.Unavailable(v30.Config, "Order - Load"));
        Assert.Null(v40.Platform.Unavailable(v40.Config, "Order - Load"));
    }
}
