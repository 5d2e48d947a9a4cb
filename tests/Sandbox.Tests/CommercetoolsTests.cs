using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

public sealed class CommercetoolsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> RequestTokenAsync(SandboxServer server, string secret, string form = "grant_type=client_credentials")
    {
        using var anonymous = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Commercetools.AuthUrl, "oauth/token"))
        {
            Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = Sandbox.Basic(server.Commercetools.ClientId, secret);
        return await anonymous.SendAsync(request, Ct);
    }

    /// <summary>A client of the project's API with a fresh token.</summary>
    private static async Task<HttpClient> ProjectAsync(SandboxServer server)
    {
        using var answer = await RequestTokenAsync(server, server.Commercetools.ClientSecret);
        var token = (string)(await answer.BodyAsync())["access_token"]!;
        var client = new HttpClient { BaseAddress = new Uri(server.Commercetools.BaseUri, server.Commercetools.ProjectKey + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void AssertError(JsonNode body, int status, string code)
    {
        Assert.Equal(status, (int)body["statusCode"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
        Assert.Equal(code, (string)body["errors"]![0]!["code"]!);
        Assert.Equal((string)body["message"]!, (string)body["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task The_token_endpoint_grants_client_credentials_and_refuses_a_wrong_secret_as_OAuth_does()
    {
        await using var sb = await Sandbox.StartAsync();

        using var granted = await RequestTokenAsync(sb.Server, sb.Server.Commercetools.ClientSecret);
        using var wrongSecret = await RequestTokenAsync(sb.Server, "not-the-secret");
        using var noGrantType = await RequestTokenAsync(sb.Server, sb.Server.Commercetools.ClientSecret, "scope=manage_project%3Asandbox");

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var token = await granted.BodyAsync();
        Assert.False(string.IsNullOrEmpty((string?)token["access_token"]));
        Assert.Equal("Bearer", (string)token["token_type"]!);
        Assert.Equal(172_800, (long)token["expires_in"]!);
        Assert.Equal("manage_project:sandbox", (string)token["scope"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        var refusal = await wrongSecret.BodyAsync();
        AssertError(refusal, 401, "invalid_client");
        Assert.Equal("invalid_client", (string)refusal["error"]!);
        Assert.Equal("Please provide valid client credentials using HTTP Basic Authentication.", (string)refusal["error_description"]!);
        Assert.Equal(HttpStatusCode.BadRequest, noGrantType.StatusCode);
        Assert.Equal("invalid_request", (string)(await noGrantType.BodyAsync())["error"]!);
    }

    [Fact]
    public async Task A_missing_unknown_or_expired_bearer_token_is_401_invalid_token()
    {
        await using var sb = await Sandbox.StartAsync(commercetoolsProducts: 3);
        using var project = await ProjectAsync(sb.Server);
        using var anonymous = new HttpClient { BaseAddress = project.BaseAddress };
        using var unknownRequest = new HttpRequestMessage(HttpMethod.Get, "products");
        unknownRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");

        using var ok = await project.GetAsync("products", Ct);
        using var missing = await anonymous.GetAsync("products", Ct);
        using var unknown = await anonymous.SendAsync(unknownRequest, Ct);
        sb.Server.Commercetools.Tokens.ExpireAll();
        using var expired = await project.GetAsync("products", Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        foreach (var refused in new[] { missing, unknown, expired })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString());
            var body = await refused.BodyAsync();
            AssertError(body, 401, "invalid_token");
            Assert.Equal("invalid_token", (string)body["error"]!);
        }
    }

    [Fact]
    public async Task Queries_page_by_limit_and_offset_with_count_and_total()
    {
        await using var sb = await Sandbox.StartAsync(commercetoolsProducts: 45);
        using var project = await ProjectAsync(sb.Server);

        var first = await (await project.GetAsync("products", Ct)).BodyAsync();
        var last = await (await project.GetAsync("products?limit=20&offset=40", Ct)).BodyAsync();
        var noTotal = await (await project.GetAsync("products?limit=5&withTotal=false", Ct)).BodyAsync();

        Assert.Equal(20, (int)first["limit"]!);
        Assert.Equal(0, (int)first["offset"]!);
        Assert.Equal(20, (int)first["count"]!);
        Assert.Equal(45, (int)first["total"]!);
        Assert.Equal(20, first["results"]!.AsArray().Count);
        Assert.Equal(5, (int)last["count"]!);
        Assert.Equal(40, (int)last["offset"]!);
        Assert.Equal(5, last["results"]!.AsArray().Count);
        Assert.Equal(sb.Server.Commercetools.Products.All.Skip(40).Select(p => (string)p["id"]!), last["results"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.False(noTotal.AsObject().ContainsKey("total"));
        Assert.Equal(5, (int)noTotal["count"]!);
    }

    [Fact]
    public async Task An_offset_above_10000_or_a_limit_above_500_is_refused_with_InvalidInput()
    {
        await using var sb = await Sandbox.StartAsync(commercetoolsProducts: 3);
        using var project = await ProjectAsync(sb.Server);

        using var atOffsetLimit = await project.GetAsync("products?offset=10000", Ct);
        using var pastOffsetLimit = await project.GetAsync("products?offset=10001", Ct);
        using var atPageLimit = await project.GetAsync("products?limit=500", Ct);
        using var pastPageLimit = await project.GetAsync("products?limit=501", Ct);

        Assert.Equal(HttpStatusCode.OK, atOffsetLimit.StatusCode);
        Assert.Empty((await atOffsetLimit.BodyAsync())["results"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, atPageLimit.StatusCode);
        Assert.Equal(3, (int)(await atPageLimit.BodyAsync())["count"]!);
        Assert.Equal(HttpStatusCode.BadRequest, pastOffsetLimit.StatusCode);
        var offsetError = await pastOffsetLimit.BodyAsync();
        AssertError(offsetError, 400, "InvalidInput");
        Assert.Contains("offset", (string)offsetError["message"]!);
        Assert.Contains("10000", (string)offsetError["message"]!);
        Assert.Equal(HttpStatusCode.BadRequest, pastPageLimit.StatusCode);
        var limitError = await pastPageLimit.BodyAsync();
        AssertError(limitError, 400, "InvalidInput");
        Assert.Contains("limit", (string)limitError["message"]!);
        Assert.Contains("500", (string)limitError["message"]!);
    }

    [Fact]
    public async Task Injected_faults_answer_with_commercetools_codes_and_Retry_After()
    {
        await using var sb = await Sandbox.StartAsync(commercetoolsProducts: 3);
        using var project = await ProjectAsync(sb.Server);
        var faults = sb.Server.Commercetools.Faults;

        faults.RespondTooManyRequests(1, TimeSpan.FromSeconds(2));
        using var limited = await project.GetAsync("products", Ct);
        faults.RespondServerError(1, 503);
        using var overCapacity = await project.GetAsync("products", Ct);
        faults.RespondServerError(1, 502);
        using var pending = await project.GetAsync("products", Ct);
        faults.RespondErrorWhen(path => path.Contains("offset=20", StringComparison.Ordinal), 500);
        using var secondPage = await project.GetAsync("products?limit=20&offset=20", Ct);
        using var firstPage = await project.GetAsync("products?limit=20&offset=0", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("2", limited.Header("Retry-After"));
        AssertError(await limited.BodyAsync(), 429, "TooManyRequests");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, overCapacity.StatusCode);
        AssertError(await overCapacity.BodyAsync(), 503, "OverCapacity");
        Assert.Equal(HttpStatusCode.BadGateway, pending.StatusCode);
        AssertError(await pending.BodyAsync(), 502, "PendingOperation");
        Assert.Equal(HttpStatusCode.InternalServerError, secondPage.StatusCode);
        AssertError(await secondPage.BodyAsync(), 500, "General");
        Assert.Equal(HttpStatusCode.OK, firstPage.StatusCode);
        faults.Reset();
        await Latency.IsFeltAsync(sb.Server.Commercetools, project.BaseAddress + "products", project.DefaultRequestHeaders.Authorization);
    }
}
