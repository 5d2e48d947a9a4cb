using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

public sealed class OpenCartTests
{
    private const string NoPermission = "Warning: You do not have permission to access the API!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static async Task<JsonNode> CallAsync(Sandbox sb, string route, string? token = null, params (string, string)[] fields)
    {
        var url = $"index.php?route={route}" + (token is null ? "" : $"&api_token={token}");
        using var response = await sb.OpenCart.PostAsync(url, Form(fields), Ct);
        // OpenCart answers its refusals with 200 and an "error" in the body.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync();
    }

    private static Task<JsonNode> LoginAsync(Sandbox sb, string? key = null, string? username = null) =>
        CallAsync(sb, "api/login", null, ("username", username ?? sb.Server.OpenCart.Username), ("key", key ?? sb.Server.OpenCart.ApiKey));

    [Fact]
    public async Task Login_opens_a_session_with_the_right_key_and_answers_200_with_an_error_for_a_wrong_one()
    {
        await using var sb = await Sandbox.StartAsync();

        var granted = await LoginAsync(sb);
        var wrongKey = await LoginAsync(sb, key: "not-the-key");
        var wrongUser = await LoginAsync(sb, username: "Somebody");

        Assert.Equal("Success: API session successfully started!", (string)granted["success"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)granted["api_token"]!);
        Assert.Equal(1, sb.Server.OpenCart.ActiveSessions);
        foreach (var refused in new[] { wrongKey, wrongUser })
        {
            Assert.Equal("Warning: Incorrect API Key!", (string)refused["error"]!["key"]!);
            Assert.Null(refused["api_token"]);
        }
    }

    [Fact]
    public async Task A_caller_off_the_IP_list_is_refused_at_login_and_loses_its_open_session()
    {
        await using var sb = await Sandbox.StartAsync();
        var token = (string)(await LoginAsync(sb))["api_token"]!;

        sb.Server.OpenCart.DisallowIp("127.0.0.1");
        var refusedLogin = await LoginAsync(sb);
        var refusedCall = await CallAsync(sb, "api/cart/add", token, ("product_id", "28"), ("quantity", "1"));
        sb.Server.OpenCart.AllowIp("127.0.0.1");
        var again = await LoginAsync(sb);

        Assert.Equal("Warning: Your IP 127.0.0.1 is not allowed to access this API!", (string)refusedLogin["error"]!["ip"]!);
        Assert.Null(refusedLogin["api_token"]);
        Assert.Equal(NoPermission, (string)refusedCall["error"]!["warning"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)again["api_token"]!);
    }

    [Fact]
    public async Task Refusals_are_200_with_an_error_shaped_as_each_route_shapes_it()
    {
        await using var sb = await Sandbox.StartAsync();

        var cartWithoutSession = await CallAsync(sb, "api/cart/add", null, ("product_id", "28"));
        var couponWithoutSession = await CallAsync(sb, "api/coupon", "0123456789abcdef0123456789abcdef", ("coupon", "2222"));
        var token = (string)(await LoginAsync(sb))["api_token"]!;
        var unknownCoupon = await CallAsync(sb, "api/coupon", token, ("coupon", "NOPE"));
        var missingOption = await CallAsync(sb, "api/cart/add", token, ("product_id", "42"), ("quantity", "1"));
        var added = await CallAsync(sb, "api/cart/add", token, ("product_id", "28"), ("quantity", "2"));
        sb.Server.OpenCart.AnswerNext("api/coupon", new JsonObject { ["error"] = new JsonObject { ["coupon"] = "Warning: Coupon has expired!" } });
        var injected = await CallAsync(sb, "api/coupon", token, ("coupon", "2222"));
        var applied = await CallAsync(sb, "api/coupon", token, ("coupon", "2222"));
        using var unknownRoute = await sb.OpenCart.GetAsync($"index.php?route=api/nothing&api_token={token}", Ct);

        Assert.Equal(NoPermission, (string)cartWithoutSession["error"]!["warning"]!);
        Assert.Equal(NoPermission, (string)couponWithoutSession["error"]!);
        Assert.Equal("Warning: Coupon is either invalid, expired or reached its usage limit!", (string)unknownCoupon["error"]!);
        Assert.Equal("Select required!", (string)missingOption["error"]!["option"]!["226"]!);
        Assert.Equal("Success: You have modified your shopping cart!", (string)added["success"]!);
        Assert.Equal("Warning: Coupon has expired!", (string)injected["error"]!["coupon"]!);
        Assert.Equal("Success: Your coupon discount has been applied!", (string)applied["success"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        Assert.Equal("text/html", unknownRoute.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Injected_server_errors_are_html_pages_and_429_carries_Retry_After()
    {
        await using var sb = await Sandbox.StartAsync();
        var faults = sb.Server.OpenCart.Faults;
        var login = new Uri(sb.OpenCart.BaseAddress!, "index.php?route=api/login");

        faults.RespondServerError(1, 503);
        using var unavailable = await sb.OpenCart.PostAsync(login, Form(("username", "Default"), ("key", sb.Server.OpenCart.ApiKey)), Ct);
        faults.RespondTooManyRequests(1, TimeSpan.FromSeconds(4));
        using var limited = await sb.OpenCart.PostAsync(login, Form(("username", "Default"), ("key", sb.Server.OpenCart.ApiKey)), Ct);
        var loggedIn = await LoginAsync(sb);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal("text/html", unavailable.Content.Headers.ContentType!.MediaType);
        Assert.Contains("503", await unavailable.TextAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("4", limited.Header("Retry-After"));
        Assert.Equal(1, sb.Server.OpenCart.ActiveSessions);
        Assert.NotNull(loggedIn["api_token"]);
        await Latency.IsFeltAsync(sb.Server.OpenCart, login.ToString());
    }
}
