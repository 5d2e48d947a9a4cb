using System.Text.Json.Nodes;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>An expired 4.0 session (<c>api/account/login</c>) is renewed and the call repeated, as for 3.0.</summary>
public sealed class OpenCartSessionRenewalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("4.0", "4.0.2.3")]
    [InlineData("4.0.1.3", "4.0.1.3")]
    public async Task An_expired_40_session_is_renewed_through_account_login_without_failing_the_call(string clientVersion, string storeVersion)
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.OpenCart.Version = storeVersion;
        var client = SandboxClients.OpenCart(sandbox, version: clientVersion);
        await Publish(client, "Currency - Set", new JsonObject { ["currency"] = "EUR" });

        sandbox.OpenCart.ExpireSessions();
        var result = await Publish(client, "Coupon - Apply existing coupon", new JsonObject { ["coupon"] = "2222" });

        Assert.Equal("Success: Your coupon discount has been applied!", result.Response!["success"]!.ToString());
        var requests = sandbox.OpenCart.Requests;
        Assert.Equal(2, requests.Count(r => r.PathAndQuery.Contains("route=api/account/login")));
        Assert.DoesNotContain(requests, r => r.PathAndQuery.Contains("route=api/login"));
        Assert.Single(sandbox.OpenCart.Posts, p => p.Route == "api/sale/currency");
        Assert.Equal(2, sandbox.OpenCart.Posts.Count(p => p.Route == "api/sale/coupon"));
        var tokens = requests.Where(r => r.PathAndQuery.Contains("route=api/sale/coupon")).Select(r => r.Authorization).ToArray();
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    private static Task<PublishResult> Publish(ConnectorClient client, string entity, JsonObject payload) =>
        client.Platform.PublishAsync(client, new EntityRequest { Entity = entity }, "POST", new JsonObject { ["payload"] = payload }, Ct);
}
