using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Sandbox.Tests;

/// <summary>The Ecwid emulator's OAuth endpoints, spoken to as raw HTTP.</summary>
public sealed class EcwidOAuthTests
{
    private const string Redirect = "http://127.0.0.1:9/callback";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Dictionary<string, string>> AuthorizeAsync(EcwidEmulator ecwid, string query)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync($"{ecwid.AuthorizeUri}?{query}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString());
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ExchangeAsync(EcwidEmulator ecwid, string code, string? secret = null, string redirect = Redirect)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(ecwid.TokenUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ecwid.OAuthClientId, ["client_secret"] = secret ?? ecwid.OAuthClientSecret, ["code"] = code,
            ["redirect_uri"] = redirect, ["grant_type"] = "authorization_code",
        }), Ct);
        return (response.StatusCode, await response.BodyAsync());
    }

    private static string Consent(EcwidEmulator ecwid, string scope) =>
        $"client_id={ecwid.OAuthClientId}&redirect_uri={Uri.EscapeDataString(Redirect)}&response_type=code&scope={scope}&state=xyz";

    [Fact]
    public async Task A_code_is_exchanged_once_for_a_token_with_the_scopes_asked_for()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1);
        var ecwid = sb.Server.Ecwid;
        var back = await AuthorizeAsync(ecwid, Consent(ecwid, "read_catalog+update_orders"));
        Assert.Equal("xyz", back["state"]);

        var (status, token) = await ExchangeAsync(ecwid, back["code"]);
        var (again, refused) = await ExchangeAsync(ecwid, back["code"]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("secret_", (string)token["access_token"]!);
        Assert.StartsWith("public_", (string)token["public_token"]!);
        Assert.Equal("bearer", (string)token["token_type"]!);
        Assert.Equal("read_store_profile read_catalog update_orders", (string)token["scope"]!);
        Assert.Equal(ecwid.StoreId, (long)token["store_id"]!);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("invalid_grant", (string)refused["error"]!);

        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", (string)token["access_token"]!);
        using var read = await api.GetAsync($"{ecwid.BaseUri}/{ecwid.StoreId}/products", Ct);
        using var write = await api.PostAsync($"{ecwid.BaseUri}/{ecwid.StoreId}/products", Sandbox.Json("""{"name":"Mug"}"""), Ct);
        using var orders = await api.GetAsync($"{ecwid.BaseUri}/{ecwid.StoreId}/orders", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("INSUFFICIENT_APP_SCOPE", (string)(await write.BodyAsync())["errorCode"]!);
        Assert.Equal(HttpStatusCode.Forbidden, orders.StatusCode);
    }

    [Fact]
    public async Task Wrong_secret_other_redirect_and_unknown_scope_are_refused_as_OAuth_errors()
    {
        await using var sb = await Sandbox.StartAsync();
        var ecwid = sb.Server.Ecwid;

        var wrongSecret = await ExchangeAsync(ecwid, (await AuthorizeAsync(ecwid, Consent(ecwid, "read_catalog")))["code"], secret: "nope");
        var otherRedirect = await ExchangeAsync(ecwid, (await AuthorizeAsync(ecwid, Consent(ecwid, "read_catalog")))["code"], redirect: "http://127.0.0.1:9/other");
        var unknownScope = await AuthorizeAsync(ecwid, Consent(ecwid, "read_catalog+launch_rockets"));

        Assert.Equal(HttpStatusCode.BadRequest, wrongSecret.Status);
        Assert.Equal("invalid_client", (string)wrongSecret.Body["error"]!);
        Assert.Equal("invalid_grant", (string)otherRedirect.Body["error"]!);
        Assert.Equal("redirect_uri does not match the one the code was issued for", (string)otherRedirect.Body["error_description"]!);
        Assert.Equal("invalid_scope", unknownScope["error"]);
        Assert.False(unknownScope.ContainsKey("code"));
    }
}
