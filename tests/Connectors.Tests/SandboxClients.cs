using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;
using Switchboard.Connector.BigCommerce;
using Switchboard.Connector.CsCart;
using Switchboard.Connector.Ecwid;
using Switchboard.Connector.OpenCart;
using Switchboard.Connectors;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Connector clients pointed at a sandbox started on free loopback ports, through the real HTTP pipeline.</summary>
public static class SandboxClients
{
    public static Task<SandboxServer> StartAsync(int bigCommerceProducts = 0, int ecwidProducts = 0, int csCartProducts = 0) =>
        SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true,
            SeedBigCommerceProducts = bigCommerceProducts,
            SeedEcwidProducts = ecwidProducts,
            SeedCsCartProducts = csCartProducts,
            EnforceRateLimits = false,
        }, TestContext.Current.CancellationToken);

    public static ConnectorClient BigCommerce(SandboxServer sandbox, string? token = null) =>
        Create(new BigCommercePlatform(), new ClientConfig
        {
            Name = "bc",
            Platform = "bigcommerce",
            BaseUri = sandbox.BigCommerce.BaseUri,
            Settings = new JsonObject { ["accessToken"] = token ?? sandbox.BigCommerce.AccessToken },
            Secrets = [token ?? sandbox.BigCommerce.AccessToken],
        });

    public static ConnectorClient Ecwid(SandboxServer sandbox, string? token = null) =>
        Create(new EcwidPlatform(), new ClientConfig
        {
            Name = "ecwid",
            Platform = "ecwid",
            BaseUri = sandbox.Ecwid.BaseUri,
            Settings = new JsonObject
            {
                ["storeId"] = sandbox.Ecwid.StoreId.ToString(),
                ["auth"] = new JsonObject { ["type"] = "token", ["accessToken"] = token ?? sandbox.Ecwid.AccessToken },
            },
            Secrets = [token ?? sandbox.Ecwid.AccessToken],
        });

    public static ConnectorClient OpenCart(SandboxServer sandbox, string? version = null, string? apiKey = null, string? username = null)
    {
        var settings = new JsonObject
        {
            ["username"] = username ?? sandbox.OpenCart.Username,
            ["apiKey"] = apiKey ?? sandbox.OpenCart.ApiKey,
        };
        if (version is not null) settings["version"] = version;
        return Create(new OpenCartPlatform(), new ClientConfig
        {
            Name = "opencart",
            Platform = "opencart",
            BaseUri = sandbox.OpenCart.BaseUri,
            Settings = settings,
            Secrets = [apiKey ?? sandbox.OpenCart.ApiKey],
        });
    }

    public static ConnectorClient CsCart(SandboxServer sandbox, string? apiKey = null) =>
        Create(new CsCartPlatform(), new ClientConfig
        {
            Name = "cscart",
            Platform = "cs-cart",
            BaseUri = sandbox.CsCart.BaseUri,
            Settings = new JsonObject { ["email"] = sandbox.CsCart.Email, ["apiKey"] = apiKey ?? sandbox.CsCart.ApiKey },
            Secrets = [apiKey ?? sandbox.CsCart.ApiKey],
        });

    /// <param name="clock">The clock the client's authenticator reads token ages from (default: the system clock).</param>
    /// <param name="logs">Where the client's request log goes (<c>logRequests</c>); nowhere when null.</param>
    public static ConnectorClient Create(PlatformConnector platform, ClientConfig config, TimeProvider? clock = null, ILoggerProvider? logs = null)
    {
        var integration = new Integration { Clients = new Dictionary<string, ClientConfig> { [config.Name] = config } };
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null) logging.AddProvider(logs);
        });
        services.AddPlatformHttpClients(integration, platform, Path.GetTempPath(), clock);
        var http = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(PlatformHttpClients.NameOf(config.Name));
        return new ConnectorClient(config, platform, http);
    }

    /// <summary>Every page of a list, one fetch at a time, as the fetch consumer would take them.</summary>
    public static async Task<List<JsonObject>> FetchAllAsync(this ConnectorClient client, EntityRequest request)
    {
        var all = new List<JsonObject>();
        PageCursor? cursor = null;
        do
        {
            var page = await client.FetchAsync(request, cursor, TestContext.Current.CancellationToken);
            all.AddRange(page.Entities);
            cursor = page.Next;
        } while (cursor is not null);
        return all;
    }
}
