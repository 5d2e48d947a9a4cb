using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Connector.Ecwid;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Ecwid's "Grant access" (<c>auth.type: oauth</c>) against the emulator's OAuth endpoints, and the connector
/// using the token it stored.</summary>
public sealed class EcwidGrantTests
{
    private static readonly EntityRequest Products = new() { Entity = "products" };

    private static JsonObject NewProduct(string sku) => new() { ["payload"] = new JsonObject { ["name"] = "Kettle", ["sku"] = sku, ["price"] = 30 } };

    [Fact]
    public async Task Grant_via_the_loopback_redirect_stores_a_token_the_connector_then_uses()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 3);
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(EcwidGrantFixture.LoopbackRedirect());

        var granting = grant.GrantAsync(client, grant.Context());
        using var page = await grant.OpenAuthorizeUrlAsync();
        var exit = await granting;

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Access granted", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("scope=read_catalog+update_catalog+create_catalog", (await grant.Output.AuthorizeUrl.Task).Query);
        Assert.Contains("Access granted for client 'ecwid-oauth' to Ecwid store 1003.", grant.Output.Text);
        Assert.Contains("Scopes: read_store_profile read_catalog update_catalog create_catalog", grant.Output.Text);
        Assert.Contains($"stored encrypted in {grant.GrantFile}", grant.Output.Text);

        var connector = grant.Connector(client);
        Assert.Equal(3, (await connector.FetchAllAsync(Products)).Count);
        var created = await connector.PublishAsync(Products, "POST", NewProduct("KETTLE-1"), TestContext.Current.CancellationToken);
        Assert.NotNull(sandbox.Ecwid.Products.Get(long.Parse(created.TargetId!)));
        // The granted token, not the store's own one.
        Assert.All(sandbox.Ecwid.Requests.Where(r => r.PathAndQuery.StartsWith("/api/v3/", StringComparison.Ordinal)),
            r => Assert.StartsWith("Bearer secret_", r.Authorization));
        Assert.DoesNotContain(sandbox.Ecwid.Requests, r => r.Authorization == $"Bearer {sandbox.Ecwid.AccessToken}");
    }

    [Fact]
    public async Task Grant_via_a_pasted_redirect_address_works_when_the_redirect_is_not_on_this_computer()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 2);
        using var grant = new EcwidGrantFixture(sandbox);
        // Never visited: the test reads where the authorize page would send the browser and pastes that.
        var client = grant.Client(new Uri("https://integrations.example.test/ecwid/callback"));
        var authorize = new AuthorizationCodeFlow(EcwidOAuth.Settings(client)).AuthorizeUri(state: null);
        var redirected = await grant.AuthorizeRedirectAsync(authorize);

        var exit = await grant.GrantAsync(client, grant.Context(pasted: redirected.ToString()));

        Assert.Equal(0, exit);
        Assert.Contains("paste that address, or just the code, here:", grant.Output.Text);
        Assert.Contains("Access granted for client 'ecwid-oauth' to Ecwid store 1003.", grant.Output.Text);
        Assert.Equal(2, (await grant.Connector(client).FetchAllAsync(Products)).Count);
    }

    [Fact]
    public async Task With_paste_a_bare_code_is_accepted_even_for_a_loopback_redirect()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 1);
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(EcwidGrantFixture.LoopbackRedirect());
        var authorize = new AuthorizationCodeFlow(EcwidOAuth.Settings(client)).AuthorizeUri(state: null);
        var code = AuthorizationCallback.FromQuery((await grant.AuthorizeRedirectAsync(authorize)).Query).Code;

        var exit = await grant.GrantAsync(client, grant.Context(paste: true, pasted: code));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Waiting for the redirect", grant.Output.Text);
        Assert.Single(await grant.Connector(client).FetchAllAsync(Products));
    }

    [Fact]
    public async Task The_grant_file_names_the_client_and_holds_neither_token_in_clear()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 1);
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(EcwidGrantFixture.LoopbackRedirect());
        var granting = grant.GrantAsync(client, grant.Context());
        (await grant.OpenAuthorizeUrlAsync()).Dispose();
        Assert.Equal(0, await granting);
        await grant.Connector(client).FetchAllAsync(Products);
        var token = sandbox.Ecwid.Requests.Last().Authorization!["Bearer ".Length..];

        var file = await File.ReadAllTextAsync(grant.GrantFile, TestContext.Current.CancellationToken);

        Assert.StartsWith("secret_", token);
        Assert.Contains("\"client\": \"ecwid-oauth\"", file);
        Assert.DoesNotContain(token, file);
        Assert.DoesNotContain("secret_", file);
        Assert.DoesNotContain("public_", file);
        Assert.DoesNotContain(token, grant.Output.Text);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(grant.GrantFile));
    }

    [Fact]
    public async Task A_different_secret_key_fails_the_request_with_an_error_naming_the_variable()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 1);
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(EcwidGrantFixture.LoopbackRedirect());
        var granting = grant.GrantAsync(client, grant.Context());
        (await grant.OpenAuthorizeUrlAsync()).Dispose();
        Assert.Equal(0, await granting);
        sandbox.Ecwid.ClearRequests();

        var error = await Assert.ThrowsAsync<PlatformException>(() => grant.Connector(client, key: EcwidGrantFixture.NewKey()).FetchAllAsync(Products));

        Assert.Contains("SWITCHBOARD_SECRET_KEY is not the key it was stored with", error.Message);
        Assert.False(error.Transient);
        Assert.Empty(sandbox.Ecwid.Requests);
    }

    [Fact]
    public async Task Without_a_secret_key_the_grant_stops_before_sending_the_merchant_anywhere()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        using var grant = new EcwidGrantFixture(sandbox) { Key = "" };

        var exit = await grant.GrantAsync(grant.Client(EcwidGrantFixture.LoopbackRedirect()), grant.Context());

        Assert.Equal(1, exit);
        Assert.Contains("SWITCHBOARD_SECRET_KEY is not set", grant.Output.Text);
        Assert.DoesNotContain("/api/oauth/authorize", grant.Output.Text);
    }

    [Fact]
    public async Task Before_any_grant_the_connector_says_to_run_switchboard_grant()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 1);
        using var grant = new EcwidGrantFixture(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            grant.Connector(grant.Client(EcwidGrantFixture.LoopbackRedirect())).FetchAllAsync(Products));

        Assert.Contains("client 'ecwid-oauth' has no access granted yet", error.Message);
        Assert.Contains("run `switchboard grant ecwid-oauth", error.Message);
        Assert.Empty(sandbox.Ecwid.Requests);
    }

    [Fact]
    public async Task A_wrong_client_secret_prints_the_token_endpoints_exact_error_and_stores_nothing()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(EcwidGrantFixture.LoopbackRedirect(), clientSecret: "not-the-app-secret");
        var granting = grant.GrantAsync(client, grant.Context());
        (await grant.OpenAuthorizeUrlAsync()).Dispose();

        Assert.Equal(1, await granting);
        Assert.Contains($"Access for client 'ecwid-oauth' was not granted: the token endpoint {sandbox.Ecwid.TokenUri} refused the code: " +
            "HTTP 400: invalid_client: Client authentication failed: wrong client_id or client_secret", grant.Output.Text);
        Assert.DoesNotContain("not-the-app-secret", grant.Output.Text);
        Assert.False(File.Exists(grant.GrantFile));
    }

    [Fact]
    public async Task A_code_already_exchanged_is_refused_with_invalid_grant()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(new Uri("https://integrations.example.test/ecwid/callback"));
        var flow = new AuthorizationCodeFlow(EcwidOAuth.Settings(client));
        var code = AuthorizationCallback.FromQuery((await grant.AuthorizeRedirectAsync(flow.AuthorizeUri(null))).Query).Code!;
        using var http = new HttpClient();
        await flow.ExchangeAsync(code, http, TestContext.Current.CancellationToken);

        var exit = await grant.GrantAsync(client, grant.Context(pasted: code));

        Assert.Equal(1, exit);
        Assert.Contains("HTTP 400: invalid_grant: The authorization code is invalid, expired or already used", grant.Output.Text);
    }

    [Fact]
    public async Task A_redirect_without_this_grants_state_is_refused_and_the_grant_waits_for_its_own()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        using var grant = new EcwidGrantFixture(sandbox);
        var redirect = EcwidGrantFixture.LoopbackRedirect();
        var granting = grant.GrantAsync(grant.Client(redirect), grant.Context());
        var authorize = await grant.Output.AuthorizeUrl.Task.WaitAsync(TestContext.Current.CancellationToken);
        // A code for the same client, but from an authorization this grant did not start (no state, or another one).
        var forgedCode = AuthorizationCallback.FromQuery((await grant.AuthorizeRedirectAsync(
            new Uri(authorize.AbsoluteUri.Split("&state=")[0]))).Query).Code!;

        using var browser = new HttpClient();
        using var withoutState = await browser.GetAsync($"{redirect}?code={forgedCode}", TestContext.Current.CancellationToken);
        using var otherState = await browser.GetAsync($"{redirect}?code={forgedCode}&state=0123456789abcdef", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, withoutState.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherState.StatusCode);
        Assert.Contains("did not carry the state this grant sent", await otherState.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(granting.IsCompleted);

        using var page = await grant.OpenAuthorizeUrlAsync();
        Assert.Equal(0, await granting);
        Assert.Contains("Access granted", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_merchant_who_declines_ends_the_grant_with_access_denied()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Ecwid.DenyAuthorization = true;
        using var grant = new EcwidGrantFixture(sandbox);
        var granting = grant.GrantAsync(grant.Client(EcwidGrantFixture.LoopbackRedirect()), grant.Context());
        using var page = await grant.OpenAuthorizeUrlAsync();

        Assert.Equal(1, await granting);
        Assert.Contains("Access not granted", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("access was not granted: access_denied: The merchant declined to grant access", grant.Output.Text);
    }

    [Fact]
    public async Task A_token_granted_without_update_catalog_reads_products_but_gets_403_on_writes()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 2);
        using var grant = new EcwidGrantFixture(sandbox);
        var client = grant.Client(EcwidGrantFixture.LoopbackRedirect(), scopes: "read_catalog");
        var granting = grant.GrantAsync(client, grant.Context());
        (await grant.OpenAuthorizeUrlAsync()).Dispose();
        Assert.Equal(0, await granting);
        var connector = grant.Connector(client);
        var id = sandbox.Ecwid.Products.All[0]["id"]!.ToString();

        Assert.Equal(2, (await connector.FetchAllAsync(Products)).Count);
        var error = await Assert.ThrowsAsync<PlatformException>(() => connector.PublishAsync(Products with { ObjectId = id }, "PUT",
            new JsonObject { ["payload"] = new JsonObject { ["price"] = 1 } }, TestContext.Current.CancellationToken));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("Application doesn't have a required scope for the request: update_catalog", error.Error.Messages);
        Assert.NotEqual(1m, sandbox.Ecwid.Products.Get(long.Parse(id))!["price"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("read_catalog update_catalog")]
    [InlineData("read_catalog+update_catalog")]
    [InlineData("[read_catalog, update_catalog]")]
    public void OAuth_settings_are_valid_with_scopes_as_a_list_or_separated_names(string scopes)
    {
        var settings = Settings(scopes.StartsWith('[')
            ? new JsonArray("read_catalog", "update_catalog")
            : JsonValue.Create(scopes));

        Assert.Empty(new EcwidPlatform().ValidateClientSettings(settings));
        Assert.Equal(["read_catalog", "update_catalog"], EcwidOAuth.Scopes(settings));
    }

    [Fact]
    public void OAuth_settings_name_each_missing_or_wrong_key()
    {
        var settings = Settings(JsonValue.Create(""));
        var auth = settings["auth"]!.AsObject();
        auth.Remove("clientSecret");
        auth["redirectUri"] = "callback";

        var problems = new EcwidPlatform().ValidateClientSettings(settings).ToList();

        Assert.Contains(problems, p => p.Key == "auth.clientSecret" && p.Message.Contains("is required"));
        Assert.Contains(problems, p => p.Key == "auth.redirectUri" && p.Message.Contains("absolute http or https"));
        Assert.Contains(problems, p => p.Key == "auth.scopes");
    }

    private static JsonObject Settings(JsonNode scopes) => new()
    {
        ["storeId"] = "1003",
        ["auth"] = new JsonObject
        {
            ["type"] = "oauth", ["clientId"] = "app", ["clientSecret"] = "s3cret",
            ["redirectUri"] = "http://127.0.0.1:8765/callback", ["scopes"] = scopes,
        },
    };
}
