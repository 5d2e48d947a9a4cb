using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

/// <summary>Starts a sandbox on free ports for one test and gives authenticated clients for it.</summary>
internal sealed class Sandbox : IAsyncDisposable
{
    private Sandbox(SandboxServer server)
    {
        Server = server;
        BigCommerce = new HttpClient { BaseAddress = new Uri(server.BigCommerce.BaseUri + "/") };
        BigCommerce.DefaultRequestHeaders.Add("X-Auth-Token", server.BigCommerce.AccessToken);
        BigCommerce.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Ecwid = new HttpClient { BaseAddress = new Uri($"{server.Ecwid.BaseUri}/{server.Ecwid.StoreId}/") };
        Ecwid.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Ecwid.AccessToken);
        CsCart = new HttpClient { BaseAddress = new Uri(server.CsCart.BaseUri, "api/2.0/") };
        CsCart.DefaultRequestHeaders.Authorization = Basic(server.CsCart.Email, server.CsCart.ApiKey);
        OpenCart = new HttpClient { BaseAddress = server.OpenCart.BaseUri };
    }

    public SandboxServer Server { get; }

    public HttpClient BigCommerce { get; }

    public HttpClient Ecwid { get; }

    /// <summary>CS-Cart's API 2.0 (<c>products</c>, …) with the administrator's e-mail and API key.</summary>
    public HttpClient CsCart { get; }

    /// <summary>The OpenCart store's root (<c>index.php?route=…</c>); sessions are the test's to open.</summary>
    public HttpClient OpenCart { get; }

    public static async Task<Sandbox> StartAsync(int bigCommerceProducts = 0, int ecwidProducts = 0, bool rateLimits = false,
        int csCartProducts = 0, int commercetoolsProducts = 0) =>
        new(await SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true,
            SeedBigCommerceProducts = bigCommerceProducts,
            SeedEcwidProducts = ecwidProducts,
            SeedCsCartProducts = csCartProducts,
            SeedCommercetoolsProducts = commercetoolsProducts,
            EnforceRateLimits = rateLimits,
        }, TestContext.Current.CancellationToken));

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        BigCommerce.Dispose();
        Ecwid.Dispose();
        CsCart.Dispose();
        OpenCart.Dispose();
        await Server.DisposeAsync();
    }
}

internal static class HttpExtensions
{
    public static async Task<JsonNode> BodyAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"missing header {name}");
}
