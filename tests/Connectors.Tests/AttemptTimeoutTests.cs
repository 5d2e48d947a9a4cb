using Switchboard.Connectors.Http;
using Switchboard.Contracts;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Runs alone: it shortens the attempt timeout, which every client built meanwhile would take.</summary>
[CollectionDefinition(nameof(AttemptTimeoutCollection), DisableParallelization = true)]
public sealed class AttemptTimeoutCollection;

/// <summary>An attempt the platform does not answer in time is given up and tried again.</summary>
[Collection(nameof(AttemptTimeoutCollection))]
public sealed class AttemptTimeoutTests
{
    [Fact]
    public async Task A_GET_slower_than_the_attempt_timeout_is_retried_and_returns_the_products()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 20);
        var usual = ResiliencePolicy.AttemptTimeout;
        ConnectorClient client;
        ResiliencePolicy.AttemptTimeout = TimeSpan.FromSeconds(1);
        try
        {
            client = SandboxClients.BigCommerce(sandbox);
            sandbox.BigCommerce.Faults.RespondSlowly(1, TimeSpan.FromSeconds(20));

            var products = await client.FetchAllAsync(new EntityRequest { Entity = "catalog/products" });

            Assert.Equal(20, products.Count);
        }
        finally
        {
            ResiliencePolicy.AttemptTimeout = usual;
        }
        // The given-up attempt is recorded once the emulator notices the client went away.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (sandbox.BigCommerce.Requests.Count < 2) await Task.Delay(50, limit.Token);
        Assert.Equal([PlatformEmulator.ClientClosedRequest, 200], sandbox.BigCommerce.Requests.OrderBy(r => r.ReceivedAt).Select(r => r.Status));
    }
}
