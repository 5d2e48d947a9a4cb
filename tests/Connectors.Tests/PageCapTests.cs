using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connector.BigCommerce;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The guard against endless lists: a fetch stops at the platform's page cap with an error that names it.</summary>
public sealed class PageCapTests
{
    [Fact]
    public async Task A_list_longer_than_the_page_cap_stops_with_an_error_naming_the_cap()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 100);
        var client = SandboxClients.Create(new CappedBigCommerce(maxPages: 3), SandboxClients.BigCommerce(sandbox).Config);

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAllAsync(
            new EntityRequest { Entity = "catalog/products", Query = new Dictionary<string, string> { ["limit"] = "10" } }));

        Assert.Contains("stopped at the page cap of 3 pages", error.Message);
        Assert.Equal(3, sandbox.BigCommerce.Requests.Count);
    }

    [Fact]
    public async Task A_list_within_the_page_cap_is_fetched_whole()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 30);
        var client = SandboxClients.Create(new CappedBigCommerce(maxPages: 3), SandboxClients.BigCommerce(sandbox).Config);

        var products = await client.FetchAllAsync(
            new EntityRequest { Entity = "catalog/products", Query = new Dictionary<string, string> { ["limit"] = "10" } });

        Assert.Equal(30, products.Count);
    }

    /// <summary>BigCommerce with a page cap small enough for a test to reach.</summary>
    private sealed class CappedBigCommerce(int maxPages) : PlatformConnector
    {
        private readonly BigCommercePlatform _platform = new();
        public override string Name => _platform.Name;
        public override EntityCatalog Catalog => _platform.Catalog;
        public override ClientSettingsSchema ClientSettings => _platform.ClientSettings;
        public override RateLimitHeaders? RateLimitHeaders => _platform.RateLimitHeaders;
        public override ErrorBodyReader Errors => _platform.Errors;
        public override IReadOnlyDictionary<string, string> DefaultHeaders => _platform.DefaultHeaders;
        public override int MaxPages => maxPages;
        public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context) =>
            _platform.CreateAuthenticator(client, context);
        public override IReadOnlyList<string>? FailureIn(PlatformAnswer answer) => _platform.FailureIn(answer);
        public override IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings) => _platform.ValidateClientSettings(settings);
    }
}
