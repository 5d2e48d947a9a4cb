using Switchboard.Configuration;
using Switchboard.Connector.BigCommerce;
using Switchboard.Connector.Ecwid;
using Switchboard.Connector.OpenCart;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary><c>logRequests: simple | full</c>: what the request log says, never a credential.</summary>
public sealed class RequestLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly EntityRequest TwoProducts = new()
    {
        Entity = "catalog/products", Pagination = false, Query = new Dictionary<string, string> { ["limit"] = "2" },
    };

    [Fact]
    public async Task Simple_logs_one_line_per_attempt_with_method_uri_and_status_and_no_headers()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 5);
        sandbox.Ecwid.Faults.RespondServerError(1);
        var logs = new CapturedLogs();
        var client = SandboxClients.Create(new EcwidPlatform(),
            SandboxClients.Ecwid(sandbox).Config with { LogRequests = RequestLogging.Simple }, logs: logs);

        await client.FetchAsync(new EntityRequest { Entity = "products", Pagination = false }, null, Ct);

        var lines = logs.Lines("Switchboard.Http.ecwid");
        var uri = $"GET {sandbox.Ecwid.BaseUri.ToString().TrimEnd('/')}/{sandbox.Ecwid.StoreId}/products";
        Assert.Collection(lines,
            first => Assert.StartsWith($"{uri} → 500 in ", first),
            second => Assert.StartsWith($"{uri} → 200 in ", second));
        Assert.All(lines, line => Assert.DoesNotContain("Authorization", line));
        Assert.All(lines, line => Assert.DoesNotContain(sandbox.Ecwid.AccessToken, line));
    }

    [Fact]
    public async Task Full_logs_headers_and_bodies_with_the_access_token_masked()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 5);
        var logs = new CapturedLogs();
        var client = SandboxClients.Create(new BigCommercePlatform(),
            SandboxClients.BigCommerce(sandbox).Config with { LogRequests = RequestLogging.Full }, logs: logs);

        await client.FetchAsync(TwoProducts, null, Ct);

        var line = Assert.Single(logs.Lines("Switchboard.Http.bc"));
        Assert.Contains("X-Auth-Token: ***", line);
        Assert.Contains(sandbox.BigCommerce.Products.All[0]["name"]!.GetValue<string>(), line);
        Assert.DoesNotContain(sandbox.BigCommerce.AccessToken, line);
    }

    [Fact]
    public async Task Full_logs_of_OpenCart_mask_the_session_token_it_was_given()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var logs = new CapturedLogs();
        var config = SandboxClients.OpenCart(sandbox).Config with { LogRequests = RequestLogging.Full };
        var client = SandboxClients.Create(new OpenCartPlatform(), config, logs: logs);

        await client.Platform.PublishAsync(client, new EntityRequest { Entity = "Currency - Set" }, "POST",
            new System.Text.Json.Nodes.JsonObject { ["payload"] = new System.Text.Json.Nodes.JsonObject { ["currency"] = "EUR" } }, Ct);

        var lines = logs.Lines("Switchboard.Http.opencart");
        Assert.NotEmpty(lines);
        var sessionTokens = sandbox.OpenCart.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + r.PathAndQuery).Query)["api_token"])
            .OfType<string>().Where(t => t.Length > 0).Distinct().ToList();
        Assert.NotEmpty(sessionTokens);
        foreach (var line in lines)
        {
            Assert.DoesNotContain(sandbox.OpenCart.ApiKey, line);
            foreach (var token in sessionTokens) Assert.DoesNotContain(token, line);
        }
        Assert.Contains(lines, line => line.Contains("api_token=***"));
    }
}
