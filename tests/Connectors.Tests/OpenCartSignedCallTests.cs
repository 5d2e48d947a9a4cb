using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Connector.OpenCart;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>OpenCart 4.1's signed calls: the signature against a vector computed outside this code base the way the
/// store computes it, the store's clock window, and what a 4.1 order cannot carry.</summary>
public sealed class OpenCartSignedCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Key = "sandbox-kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk";

    /// <summary>
    /// opencart/opencart, 4.1's upload/catalog/controller/startup/api.php (the version allowing only api/order and
    /// api/subscription):
    /// <code>
    /// $string  = (string)$this->request->get['route'] . "\n";
    /// $string .= (string)$this->request->get['call'] . "\n";
    /// $string .= $api_info['username'] . "\n";
    /// $string .= (string)$this->request->server['HTTP_HOST'] . "\n";
    /// $string .= (!empty($this->request->server['PHP_SELF']) ? rtrim(dirname($this->request->server['PHP_SELF']), '/') . '/' : '/') . "\n";
    /// $string .= (int)$this->request->get['store_id'] . "\n";
    /// $string .= (string)$this->request->get['language'] . "\n";
    /// $string .= (string)$this->request->get['currency'] . "\n";
    /// $string .= md5(http_build_query($this->request->post)) . "\n";
    /// $string .= $time . "\n";
    /// if (rawurldecode($this->request->get['signature']) != base64_encode(hash_hmac('sha1', $string, $api_info['key'], true))) {
    /// </code>
    /// <c>$this->request->post</c> has been through Request::clean (<c>trim(htmlspecialchars($v, ENT_COMPAT, 'UTF-8'))</c>),
    /// and http_build_query writes PHP's urlencode (space <c>+</c>, all but <c>A-Za-z0-9-_.</c> as <c>%XX</c>, so
    /// <c>~</c> is <c>%7E</c>). The expected value was computed with Python's hashlib/hmac from the string
    /// <c>firstname=A%26quot%3Bd+%26amp%3B+%26lt%3BB%26gt%3B&amp;lastname=Lovelace&amp;product%5B0%5D%5Bproduct_id%5D=42&amp;product%5B0%5D%5Boption%5D%5B226%5D=15&amp;comment=caf%C3%A9+%7E50%25</c>
    /// (md5 da62345589343fea41e0a2a1eea7d543) and
    /// <c>"api/order\ncustomer\nDefault\nshop.example.com:8080\n/shop/\n0\nen-gb\nEUR\nda62345589343fea41e0a2a1eea7d543\n1767225600\n"</c>.
    /// </summary>
    [Fact]
    public void The_signature_is_the_one_OpenCarts_own_code_computes()
    {
        var call = new SignedCall(
            Route: "api/order",
            Call: "customer",
            Username: "Default",
            Host: "shop.example.com:8080",
            Script: "/shop/index.php",
            StoreId: "0",
            Language: "en-gb",
            Currency: "EUR",
            PostFields:
            [
                new("firstname", "A\"d & <B> "),
                new("lastname", "Lovelace"),
                new("product[0][product_id]", "42"),
                new("product[0][option][226]", "15"),
                new("comment", "café ~50%"),
            ],
            Time: "1767225600");

        Assert.Equal("DIf4i5EZpp+f0LZ+m3lCfoiUDdI=", OpenCartSignatureAuthenticator.Sign(call, Key));
    }

    [Fact]
    public async Task A_41_store_as_released_accepts_a_call_whatever_its_time()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.1.0.0";
        var http = new HttpClient();

        using var answer = await http.SendAsync(SignedCustomerCall(sandbox, DateTimeOffset.UtcNow.AddHours(-3)), Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("You have successfully modified customers",
            JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!["success"]!.ToString());
    }

    [Fact]
    public async Task A_store_that_checks_the_clock_refuses_a_call_outside_its_window_with_403()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.1.0.0";
        sandbox.OpenCart.ChecksSignatureTime = true;
        var http = new HttpClient();

        using var late = await http.SendAsync(SignedCustomerCall(sandbox, DateTimeOffset.UtcNow.AddSeconds(-900)), Ct);
        using var onTime = await http.SendAsync(SignedCustomerCall(sandbox, DateTimeOffset.UtcNow), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal("Warning: You do not have permission to access the API!",
            JsonNode.Parse(await late.Content.ReadAsStringAsync(Ct))!["error"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
    }

    [Fact]
    public async Task When_the_stores_clock_is_off_the_connectors_message_says_the_clock_may_be_off()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.1.0.0";
        sandbox.OpenCart.ChecksSignatureTime = true;
        sandbox.OpenCart.ClockOffset = TimeSpan.FromHours(1);
        var client = SandboxClients.OpenCart(sandbox, version: "4.1");

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.Platform.PublishAsync(client,
            new EntityRequest { Entity = "Customer - Set customer" }, "POST", new JsonObject { ["payload"] = Customer() }, Ct));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("Warning: You do not have permission to access the API!", error.Error.Messages);
        Assert.Contains(error.Error.Messages, m => m.Contains("the clock of this machine or of the store may be off")
            && m.Contains("more than 450 s"));
        Assert.DoesNotContain(Key, error.Error.ToString());
    }

    [Theory]
    [InlineData("coupon", "2222")]
    [InlineData("voucher", "GIFT-100")]
    [InlineData("reward", "100")]
    public async Task A_41_order_with_a_coupon_voucher_or_reward_is_refused_before_anything_is_sent(string field, string value)
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = "4.1.0.0";
        var client = SandboxClients.OpenCart(sandbox, version: "4.1");
        var order = new JsonObject
        {
            ["customer"] = Customer(),
            ["products"] = new JsonArray(new JsonObject { ["product_id"] = 40, ["quantity"] = 1 }),
            ["payment_address"] = new JsonObject { ["firstname"] = "Ada", ["country_id"] = 222, ["zone_id"] = 3563 },
            [field] = value,
        };

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.Platform.PublishAsync(client,
            new EntityRequest { Entity = "Order - Place" }, "POST", new JsonObject { ["payload"] = order }, Ct));

        Assert.Null(error.StatusCode);
        Assert.StartsWith("(not sent)", error.Error.Request);
        Assert.Contains(error.Error.Messages, m => m.StartsWith($"payload.{field} cannot be sent to OpenCart 4.1"));
        Assert.Empty(sandbox.OpenCart.Requests);
        Assert.Empty(sandbox.OpenCart.Orders.All);
    }

    private static JsonObject Customer() => new()
    {
        ["customer_id"] = 0, ["customer_group_id"] = 1, ["firstname"] = "Ada", ["lastname"] = "Lovelace",
        ["email"] = "ada@example.com", ["telephone"] = "+44 20 7946 0000",
    };

    /// <summary>A "customer" call signed at <paramref name="at"/> by hand, as any client of the store would send it.</summary>
    private static HttpRequestMessage SignedCustomerCall(Sandbox.SandboxServer sandbox, DateTimeOffset at)
    {
        var uri = new Uri(sandbox.OpenCart.BaseUri, "index.php");
        var fields = Customer().Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.ToString())).ToArray();
        var time = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = OpenCartSignatureAuthenticator.Sign(new SignedCall("api/order", "customer", sandbox.OpenCart.Username,
            $"{uri.Host}:{uri.Port}", uri.AbsolutePath, "0", "en-gb", "USD", fields, time), sandbox.OpenCart.ApiKey);
        var query = $"route=api/order&call=customer&username={sandbox.OpenCart.Username}&store_id=0&language=en-gb&currency=USD"
            + $"&time={time}&signature={Uri.EscapeDataString(signature)}";
        return new HttpRequestMessage(HttpMethod.Post, new Uri(uri, "?" + query)) { Content = new FormUrlEncodedContent(fields) };
    }
}
