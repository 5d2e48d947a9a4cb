using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

/// <summary>The emulator running OpenCart 4.0.2.3 answers as catalog/controller/api/sale/*.php does: methods listed by
/// index() and set by save(), confirm() editing only the order load() put into the session, addHistory() by POST.</summary>
public sealed class OpenCart40Tests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(Sandbox sb, string route, string token, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        using var response = await sb.OpenCart.PostAsync($"index.php?route={route}&api_token={token}", form, Ct);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.BodyAsync() : null);
    }

    private static async Task<JsonNode> OkAsync(Sandbox sb, string route, string token, params (string, string)[] fields)
    {
        var (status, body) = await CallAsync(sb, route, token, fields);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["error"]);
        return body;
    }

    private static async Task<(Sandbox Sb, string Token)> StartAsync()
    {
        var sb = await Sandbox.StartAsync();
        sb.Server.OpenCart.Version = "4.0.2.3";
        var (_, login) = await CallAsync(sb, "api/account/login", "", ("username", sb.Server.OpenCart.Username), ("key", sb.Server.OpenCart.ApiKey));
        return (sb, (string)login!["api_token"]!);
    }

    private static readonly (string, string)[] Address =
    [
        ("firstname", "Ada"), ("lastname", "Lovelace"), ("address_1", "12 St James's Square"), ("city", "London"),
        ("postcode", "SW1Y 4JH"), ("country_id", "222"), ("zone_id", "3563"),
    ];

    /// <summary>The admin form's calls up to a confirmable session: customer, one product, addresses, both methods.</summary>
    private static async Task BuildOrderAsync(Sandbox sb, string token, string productId)
    {
        await OkAsync(sb, "api/sale/customer", token, ("firstname", "Ada"), ("lastname", "Lovelace"), ("email", "ada@example.com"), ("telephone", "020 7946 0000"));
        await OkAsync(sb, "api/sale/cart.add", token, ("product_id", productId), ("quantity", "1"));
        await OkAsync(sb, "api/sale/payment_address", token, Address);
        await OkAsync(sb, "api/sale/shipping_address", token, Address);
        await OkAsync(sb, "api/sale/shipping_method", token);
        await OkAsync(sb, "api/sale/shipping_method.save", token, ("shipping_method", "flat.flat"));
        await OkAsync(sb, "api/sale/payment_method", token);
        await OkAsync(sb, "api/sale/payment_method.save", token, ("payment_method", "cod"));
    }

    [Fact]
    public async Task Methods_are_listed_by_the_bare_route_set_by_save_and_getMethods_is_the_stores_404()
    {
        var (sb, token) = await StartAsync();
        await using var _ = sb;
        await OkAsync(sb, "api/sale/cart.add", token, ("product_id", "40"), ("quantity", "1"));
        await OkAsync(sb, "api/sale/shipping_address", token, Address);

        var listed = await OkAsync(sb, "api/sale/shipping_method", token);
        var set = await OkAsync(sb, "api/sale/shipping_method.save", token, ("shipping_method", "flat.flat"));
        var (invented, _) = await CallAsync(sb, "api/sale/shipping_method.getMethods", token);

        Assert.Equal("flat.flat", (string)listed["shipping_methods"]!["flat"]!["quote"]!["flat"]!["code"]!);
        Assert.NotNull(set["success"]);
        Assert.Equal(HttpStatusCode.NotFound, invented);
    }

    [Fact]
    public async Task Confirm_with_an_order_id_in_the_query_adds_a_new_order_as_the_real_store_does()
    {
        var (sb, token) = await StartAsync();
        await using var _ = sb;
        await BuildOrderAsync(sb, token, "40");
        var first = await OkAsync(sb, "api/sale/order.confirm", token);
        var (_, other) = await CallAsync(sb, "api/account/login", "", ("username", sb.Server.OpenCart.Username), ("key", sb.Server.OpenCart.ApiKey));
        var second = (string)other!["api_token"]!;
        await BuildOrderAsync(sb, second, "43");

        var confirmed = await OkAsync(sb, $"api/sale/order.confirm&order_id={first["order_id"]}", second);

        Assert.NotEqual(first["order_id"]!.ToString(), confirmed["order_id"]!.ToString());
        Assert.Equal(2, sb.Server.OpenCart.Orders.All.Count);
    }

    [Fact]
    public async Task Load_answers_only_success_and_the_next_confirm_edits_the_loaded_order()
    {
        var (sb, token) = await StartAsync();
        await using var _ = sb;
        await BuildOrderAsync(sb, token, "40");
        var orderId = (await OkAsync(sb, "api/sale/order.confirm", token))["order_id"]!.ToString();
        var (_, login) = await CallAsync(sb, "api/account/login", "", ("username", sb.Server.OpenCart.Username), ("key", sb.Server.OpenCart.ApiKey));
        var editing = (string)login!["api_token"]!;

        var loaded = await OkAsync(sb, $"api/sale/order.load&order_id={orderId}", editing);
        var cart = await OkAsync(sb, "api/sale/cart", editing);
        await OkAsync(sb, "api/sale/cart.remove", editing, ("key", cart["products"]![0]!["cart_id"]!.ToString()));
        await OkAsync(sb, "api/sale/cart.add", editing, ("product_id", "43"), ("quantity", "4"));
        var confirmed = await OkAsync(sb, "api/sale/order.confirm", editing);
        var (_, missing) = await CallAsync(sb, "api/sale/order.load&order_id=999", editing);

        Assert.Equal(["success"], loaded.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(orderId, confirmed["order_id"]!.ToString());
        var order = Assert.Single(sb.Server.OpenCart.Orders.All);
        var product = Assert.Single(order["products"]!.AsArray())!;
        Assert.Equal((43L, 4), (product["product_id"]!.GetValue<long>(), product["quantity"]!.GetValue<int>()));
        // The cart changed, and 4.0 keeps the loaded methods (cart.php unsets only the offered lists).
        Assert.Equal("flat.flat", (string)order["shipping_method"]!["code"]!);
        Assert.Equal("Warning: Order could not be found!", (string)missing!["error"]!);
    }

    [Fact]
    public async Task History_takes_the_order_id_from_the_posted_fields_not_the_query()
    {
        var (sb, token) = await StartAsync();
        await using var _ = sb;
        await BuildOrderAsync(sb, token, "40");
        var orderId = (await OkAsync(sb, "api/sale/order.confirm", token))["order_id"]!.ToString();

        var (_, byQuery) = await CallAsync(sb, $"api/sale/order.addHistory&order_id={orderId}", token, ("order_status_id", "3"));
        var byForm = await OkAsync(sb, "api/sale/order.addHistory", token, ("order_id", orderId), ("order_status_id", "5"));

        Assert.Equal("Warning: Order could not be found!", (string)byQuery!["error"]!);
        Assert.NotNull(byForm["success"]);
        Assert.Equal(5, Assert.Single(sb.Server.OpenCart.Orders.All)["order_status_id"]!.GetValue<long>());
    }
}
