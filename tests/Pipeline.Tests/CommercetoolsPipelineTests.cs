using Switchboard.Host;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>commercetools as a pipeline's target, and <c>switchboard grant</c> for a commercetools client.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class CommercetoolsPipelineTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    private static string Example => Path.Combine(AppContext.BaseDirectory, "examples", "bigcommerce-products-to-commercetools.yaml");

    private static string CommercetoolsClient(PipelineHarness harness, string? secret = null) => $"""
        clients:
          ct-project:
            platform: commercetools
            baseUri: {harness.Sandbox.Commercetools.BaseUri}
            authUrl: {harness.Sandbox.Commercetools.AuthUrl}
            projectKey: {harness.Sandbox.Commercetools.ProjectKey}
            clientId: {harness.Sandbox.Commercetools.ClientId}
            clientSecret: "{secret ?? harness.Sandbox.Commercetools.ClientSecret}"
            scopes: [manage_project:{harness.Sandbox.Commercetools.ProjectKey}]
        """;

    [Theory]
    [MemberData(nameof(PipelineTests.Transports), MemberType = typeof(PipelineTests))]
    public async Task The_BigCommerce_products_to_commercetools_example_runs_with_nothing_failed(string transport)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 120);
        SandboxEnvironment.Apply(harness.Sandbox);

        var summary = await harness.RunAsync(Example, transport);

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        // Every tenth seeded product is hidden in BigCommerce: not for sale, so not sent.
        var visible = harness.Sandbox.BigCommerce.Products.All.Where(p => p["is_visible"]!.GetValue<bool>()).ToDictionary(p => $"bc-{p["id"]}");
        Assert.Equal(108, visible.Count);
        Assert.Equal(108, summary.Routes["products-to-commercetools"].Published);
        Assert.Equal(12, summary.Routes["products-to-commercetools"].Skipped);
        var products = harness.Sandbox.Commercetools.Products.All;
        Assert.Equal(108, products.Count);
        foreach (var product in products)
        {
            var original = visible[product["key"]!.ToString()];
            var current = product["masterData"]!["current"]!;
            Assert.Equal(original["name"]!.ToString(), current["name"]!["en"]!.ToString());
            Assert.Equal(original["sku"]!.ToString(), current["masterVariant"]!["sku"]!.ToString());
            // The sandbox BigCommerce store's prices are US dollars.
            var price = current["masterVariant"]!["prices"]![0]!["value"]!;
            Assert.Equal("USD", price["currencyCode"]!.ToString());
            Assert.Equal((long)(original["price"]!.GetValue<decimal>() * 100), price["centAmount"]!.GetValue<long>());
            Assert.True(product["masterData"]!["published"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task A_wrong_commercetools_secret_fails_every_task_with_the_token_endpoints_message()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 10);
        SandboxEnvironment.Apply(harness.Sandbox);
        Environment.SetEnvironmentVariable("COMMERCETOOLS_CLIENT_SECRET", "revoked-secret");
        try
        {
            var summary = await harness.RunAsync(Example, "inmemory");

            // The 9 visible ones of 10 (the tenth is hidden in BigCommerce and not sent).
            Assert.Equal(9, summary.Routes["products-to-commercetools"].Failed);
            Assert.All(summary.Errors, e => Assert.Contains("HTTP 401: invalid_client: Please provide valid client credentials using HTTP Basic Authentication.", e));
            Assert.DoesNotContain(summary.Errors, e => e.Contains("revoked-secret"));
            Assert.Equal(0, harness.Sandbox.Commercetools.Products.Count);
        }
        finally
        {
            SandboxEnvironment.Apply(harness.Sandbox);
        }
    }

    [Fact]
    public async Task Grant_reports_the_scopes_and_expiry_of_a_fresh_token()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = Path.Combine(harness.Folder, "clients.yaml");
        await File.WriteAllTextAsync(file, CommercetoolsClient(harness), TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["grant", "ct-project", file], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("ct-project: access granted by", stdout);
        Assert.Contains("scopes:  manage_project:sandbox", stdout);
        Assert.Contains("(in 2 days)", stdout);
        Assert.Single(harness.Sandbox.Commercetools.Requests, r => r.PathAndQuery == "/oauth/token" && r.Status == 200);
    }

    [Fact]
    public async Task Grant_with_a_wrong_secret_prints_the_token_endpoints_error_and_fails()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = Path.Combine(harness.Folder, "clients.yaml");
        await File.WriteAllTextAsync(file, CommercetoolsClient(harness, secret: "wrong-secret-123"), TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["grant", "ct-project", file], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("ct-project: no access: HTTP 401: invalid_client: Please provide valid client credentials using HTTP Basic Authentication.", stdout);
        Assert.DoesNotContain("wrong-secret-123", stdout + stderr);
    }
}
