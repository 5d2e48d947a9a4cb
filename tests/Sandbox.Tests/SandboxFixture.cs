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
    }

    public SandboxServer Server { get; }

    public HttpClient BigCommerce { get; }

    public HttpClient Ecwid { get; }

    public static async Task<Sandbox> StartAsync(int bigCommerceProducts = 0, int ecwidProducts = 0, bool rateLimits = false) =>
        new(await SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true,
            SeedBigCommerceProducts = bigCommerceProducts,
            SeedEcwidProducts = ecwidProducts,
            EnforceRateLimits = rateLimits,
        }, TestContext.Current.CancellationToken));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        BigCommerce.Dispose();
        Ecwid.Dispose();
        await Server.DisposeAsync();
    }
}

internal static class HttpExtensions
{
    public static async Task<JsonNode> BodyAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"missing header {name}");
}
