using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

/// <summary>The faults a person sets from a shell: <c>/_sandbox/faults</c> on each emulator's port, without credentials.</summary>
public sealed class SandboxControlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> SetFaultsAsync(PlatformEmulator emulator, string json)
    {
        using var control = new HttpClient();
        // curl -d sends a form content type: the control endpoint reads the body as JSON whatever the type says.
        return await control.PostAsync(new Uri(emulator.ControlUri, "faults"),
            new StringContent(json, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
    }

    private static async Task<JsonNode> ControlAsync(HttpMethod method, Uri uri)
    {
        using var control = new HttpClient();
        using var response = await control.SendAsync(new HttpRequestMessage(method, uri), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync();
    }

    [Fact]
    public async Task Server_errors_reach_the_client_with_the_platforms_body_for_the_next_n_requests_only()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1);
        using (var set = await SetFaultsAsync(sb.Server.BigCommerce, """{"serverErrors": {"next": 2, "status": 503}}"""))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        using var first = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        using var second = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        using var third = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(503, (int)(await first.BodyAsync())["status"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_tell_the_client_the_wait_that_was_set_in_the_platforms_own_header()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1, bigCommerceProducts: 1);
        using (await SetFaultsAsync(sb.Server.Ecwid, """{"tooManyRequests": {"next": 1, "waitMs": 3000}}""")) { }
        using (await SetFaultsAsync(sb.Server.BigCommerce, """{"tooManyRequests": {"next": 1, "waitMs": 2500}}""")) { }

        using var ecwid = await sb.Ecwid.GetAsync("products", Ct);
        using var ecwidAfter = await sb.Ecwid.GetAsync("products", Ct);
        using var bigCommerce = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, ecwid.StatusCode);
        Assert.Equal("3", ecwid.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, ecwidAfter.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, bigCommerce.StatusCode);
        Assert.Equal("2500", bigCommerce.Header("X-Rate-Limit-Time-Reset-Ms"));
    }

    [Fact]
    public async Task An_html_fault_answers_a_proxys_error_page_instead_of_the_platforms_json()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 1);
        using (await SetFaultsAsync(sb.Server.CsCart, """{"html": {"next": 1, "status": 502}}""")) { }

        using var page = await sb.CsCart.GetAsync("products", Ct);
        using var after = await sb.CsCart.GetAsync("products", Ct);

        Assert.Equal(HttpStatusCode.BadGateway, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html>\r\n<head><title>502 Bad Gateway</title></head>", await page.TextAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotNull((await after.BodyAsync())["products"]);
    }

    [Fact]
    public async Task An_html_fault_comes_before_the_credentials_are_checked_as_a_proxys_does()
    {
        await using var sb = await Sandbox.StartAsync();
        using (await SetFaultsAsync(sb.Server.Commercetools, """{"html": {"next": 1, "status": 504}}""")) { }
        using var anonymous = new HttpClient();

        using var page = await anonymous.GetAsync(new Uri(sb.Server.Commercetools.BaseUri, "sandbox/products"), Ct);

        Assert.Equal(HttpStatusCode.GatewayTimeout, page.StatusCode);
        Assert.Contains("<title>504 Gateway Timeout</title>", await page.TextAsync());
    }

    [Fact]
    public async Task Latency_slows_every_request_until_cleared()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1);
        var shown = await (await SetFaultsAsync(sb.Server.Ecwid, """{"latencyMs": 300}""")).BodyAsync();
        Assert.Equal(300, (int)shown["latencyMs"]!);

        var started = DateTimeOffset.UtcNow;
        using var slow = await sb.Ecwid.GetAsync("products", Ct);

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(290));
        Assert.Equal(TimeSpan.FromMilliseconds(300), sb.Server.Ecwid.Faults.Latency);
        var cleared = await ControlAsync(HttpMethod.Delete, new Uri(sb.Server.Ecwid.ControlUri, "faults"));
        Assert.Equal(0, (int)cleared["latencyMs"]!);
        Assert.Equal(TimeSpan.Zero, sb.Server.Ecwid.Faults.Latency);
    }

    [Fact]
    public async Task Delete_clears_every_fault_the_client_would_otherwise_still_meet()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1);
        using (await SetFaultsAsync(sb.Server.BigCommerce,
                   """{"serverErrors": {"next": 5, "status": 500}, "tooManyRequests": {"next": 5}, "html": {"next": 5}}""")) { }
        using (var faulted = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct))
            Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);

        var cleared = await ControlAsync(HttpMethod.Delete, new Uri(sb.Server.BigCommerce.ControlUri, "faults"));
        using var after = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(0, (int)cleared["serverErrors"]!["next"]!);
        Assert.Equal(0, (int)cleared["tooManyRequests"]!["next"]!);
        Assert.Equal(0, (int)cleared["html"]!["next"]!);
    }

    [Fact]
    public async Task Get_shows_the_faults_left_as_they_count_down()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1);
        using (await SetFaultsAsync(sb.Server.BigCommerce, """{"serverErrors": {"next": 3, "status": 500}}""")) { }
        using (await sb.BigCommerce.GetAsync("v3/catalog/products", Ct)) { }

        var faults = await ControlAsync(HttpMethod.Get, new Uri(sb.Server.BigCommerce.ControlUri, "faults"));

        Assert.Equal(2, (int)faults["serverErrors"]!["next"]!);
        Assert.Equal(500, (int)faults["serverErrors"]!["status"]!);
    }

    [Theory]
    [InlineData("""{"serverErrors": 3""", "the body is not valid JSON")]
    [InlineData("", "the body is empty")]
    [InlineData("""[1, 2]""", "the body must be a JSON object")]
    [InlineData("""{"serverError": {"next": 1}}""", "unknown fault 'serverError'; the faults are serverErrors, tooManyRequests, html and latencyMs")]
    [InlineData("""{"serverErrors": {"status": 503}}""", "serverErrors.next is missing")]
    [InlineData("""{"serverErrors": {"next": 1, "status": 200}}""", "serverErrors.status must be between 400 and 599, not 200")]
    [InlineData("""{"tooManyRequests": {"next": "5"}}""", "tooManyRequests.next must be a whole number, not \"5\"")]
    [InlineData("""{"html": {"next": 1, "code": 502}}""", "html.code is unknown; html takes next and status")]
    [InlineData("""{"latencyMs": -1}""", "latencyMs must be between 0 and 600000, not -1")]
    public async Task A_malformed_request_is_refused_with_400_saying_what_is_wrong_and_sets_nothing(string body, string message)
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1);
        // A valid part before the mistake is not applied either.
        var withValidPart = body.StartsWith("{\"", StringComparison.Ordinal) && body.EndsWith('}') && !body.Contains("\"html\"", StringComparison.Ordinal)
            ? """{"html": {"next": 1}, """ + body[1..]
            : body;

        using var refused = await SetFaultsAsync(sb.Server.Ecwid, withValidPart);
        using var after = await sb.Ecwid.GetAsync("products", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (string)(await refused.BodyAsync())["error"]!);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_control_endpoint_is_not_under_the_platforms_api_base_path()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1, ecwidProducts: 1);
        var fault = """{"serverErrors": {"next": 5, "status": 503}}""";

        using var underBigCommerce = await sb.BigCommerce.PostAsync("_sandbox/faults", Sandbox.Json(fault), Ct);
        using var underEcwid = await sb.Ecwid.PostAsync("_sandbox/faults", Sandbox.Json(fault), Ct);
        using var bigCommerce = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        using var ecwid = await sb.Ecwid.GetAsync("products", Ct);

        Assert.Equal(HttpStatusCode.NotFound, underBigCommerce.StatusCode);
        Assert.Equal(404, (int)(await underBigCommerce.BodyAsync())["status"]!); // BigCommerce's own error body
        Assert.Equal(HttpStatusCode.NotFound, underEcwid.StatusCode);
        Assert.Equal("NOT_FOUND", (string)(await underEcwid.BodyAsync())["errorCode"]!);
        Assert.Equal(HttpStatusCode.OK, bigCommerce.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ecwid.StatusCode);
        Assert.Equal(new Uri(sb.Server.BigCommerce.BaseUri, "/_sandbox/"), sb.Server.BigCommerce.ControlUri);
    }

    [Fact]
    public async Task Requests_lists_what_the_emulator_received_but_not_the_control_calls()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1);
        using (await SetFaultsAsync(sb.Server.BigCommerce, """{"serverErrors": {"next": 1}}""")) { }
        using (await sb.BigCommerce.GetAsync("v3/catalog/products?limit=1", Ct)) { }
        using (await sb.BigCommerce.PutAsync("v3/catalog/products/1", Sandbox.Json("""{"price":3}"""), Ct)) { }

        var requests = (JsonArray)await ControlAsync(HttpMethod.Get, new Uri(sb.Server.BigCommerce.ControlUri, "requests"));
        var last = (JsonArray)await ControlAsync(HttpMethod.Get, new Uri(sb.Server.BigCommerce.ControlUri, "requests?last=1"));

        Assert.Equal(2, requests.Count);
        Assert.Equal(("GET", "/stores/sandbox/v3/catalog/products?limit=1", 500),
            ((string)requests[0]!["method"]!, (string)requests[0]!["path"]!, (int)requests[0]!["status"]!));
        Assert.Equal("""{"price":3}""", (string)requests[1]!["body"]!);
        Assert.Equal("PUT", (string)Assert.Single(last)!["method"]!);
        using var control = new HttpClient();
        using (var cleared = await control.DeleteAsync(new Uri(sb.Server.BigCommerce.ControlUri, "requests"), Ct))
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(sb.Server.BigCommerce.Requests);
    }

    [Fact]
    public async Task Every_emulator_has_the_control_endpoint_on_its_own_port()
    {
        await using var sb = await Sandbox.StartAsync();
        PlatformEmulator[] emulators = [sb.Server.BigCommerce, sb.Server.Ecwid, sb.Server.CsCart, sb.Server.OpenCart, sb.Server.Commercetools];

        foreach (var emulator in emulators)
        {
            using var set = await SetFaultsAsync(emulator, """{"serverErrors": {"next": 4, "status": 500}}""");
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal(emulator.BaseUri.Port, emulator.ControlUri.Port);
        }
        foreach (var emulator in emulators)
            Assert.Equal(4, (int)(await ControlAsync(HttpMethod.Get, new Uri(emulator.ControlUri, "faults")))["serverErrors"]!["next"]!);
    }

    [Fact]
    public async Task A_client_from_another_address_is_refused_while_the_api_still_answers_it()
    {
        var outside = OutsideAddress();
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Host = "0.0.0.0", FreePorts = true, EnforceRateLimits = false }, Ct);
        var port = server.BigCommerce.ControlUri.Port;
        // Straight to the address: a proxy from the environment would make the sandbox see the proxy instead.
        using var client = new HttpClient(new HttpClientHandler { UseProxy = false });
        client.DefaultRequestHeaders.Add("X-Auth-Token", server.BigCommerce.AccessToken);

        using var refused = await client.PostAsync($"http://{outside}:{port}/_sandbox/faults",
            Sandbox.Json("""{"serverErrors": {"next": 1}}"""), Ct);
        using var api = await client.GetAsync($"http://{outside}:{port}/stores/sandbox/v3/catalog/products", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.StartsWith("the sandbox's control endpoint answers loopback clients only", (string)(await refused.BodyAsync())["error"]!);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task A_sandbox_opened_to_any_client_takes_faults_from_another_address()
    {
        var outside = OutsideAddress();
        await using var server = await SandboxServer.StartAsync(
            new SandboxOptions { Host = "0.0.0.0", FreePorts = true, EnforceRateLimits = false, ControlFromAnyClient = true }, Ct);
        var port = server.BigCommerce.ControlUri.Port;
        using var client = new HttpClient(new HttpClientHandler { UseProxy = false });
        client.DefaultRequestHeaders.Add("X-Auth-Token", server.BigCommerce.AccessToken);

        using var set = await client.PostAsync($"http://{outside}:{port}/_sandbox/faults", Sandbox.Json("""{"serverErrors": {"next": 1, "status": 503}}"""), Ct);
        using var api = await client.GetAsync($"http://{outside}:{port}/stores/sandbox/v3/catalog/products", Ct);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
    }

    [Fact]
    public async Task An_unknown_method_or_path_is_answered_with_what_exists()
    {
        await using var sb = await Sandbox.StartAsync();
        using var control = new HttpClient();

        using var put = await control.PutAsync(new Uri(sb.Server.Ecwid.ControlUri, "faults"), Sandbox.Json("{}"), Ct);
        using var unknown = await control.GetAsync(new Uri(sb.Server.Ecwid.ControlUri, "fault"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal("GET, POST, DELETE", string.Join(", ", put.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("/_sandbox/faults and /_sandbox/requests", (string)(await unknown.BodyAsync())["error"]!);
    }

    /// <summary>This machine's first IPv4 address other than loopback: a client "from elsewhere" it can play itself.</summary>
    private static IPAddress OutsideAddress()
    {
        var outside = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (outside is null) Assert.Skip("this machine has no address but loopback");
        return outside;
    }
}
