using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Which failures a client tries again and which it reports at once, against the emulators over real HTTP.</summary>
public sealed class RetryAndRefusalTests
{
    private static readonly EntityRequest BigCommerceProducts = new() { Entity = "catalog/products" };
    private static readonly EntityRequest EcwidProducts = new() { Entity = "products" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(500)]
    public async Task A_BigCommerce_fetch_answered_with_server_errors_is_retried_and_returns_every_product(int status)
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 30);
        sandbox.BigCommerce.Faults.RespondServerError(2, status);
        var client = SandboxClients.BigCommerce(sandbox);

        var products = await client.FetchAllAsync(BigCommerceProducts);

        Assert.Equal(30, products.Count);
        Assert.Equal([status, status, 200], sandbox.BigCommerce.Requests.OrderBy(r => r.ReceivedAt).Select(r => r.Status));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task An_Ecwid_fetch_answered_with_server_errors_is_retried_and_returns_every_product(int status)
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 30);
        sandbox.Ecwid.Faults.RespondServerError(2, status);
        var client = SandboxClients.Ecwid(sandbox);

        var products = await client.FetchAllAsync(EcwidProducts);

        Assert.Equal(30, products.Count);
        Assert.Equal([status, status, 200], sandbox.Ecwid.Requests.OrderBy(r => r.ReceivedAt).Select(r => r.Status));
    }

    [Theory]
    [InlineData(409)]
    [InlineData(422)]
    public async Task A_client_error_on_a_fetch_fails_at_once_with_one_request_sent(int status)
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 10);
        sandbox.BigCommerce.Faults.RespondErrorWhen(_ => true, status);
        var client = SandboxClients.BigCommerce(sandbox);

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.FetchAllAsync(BigCommerceProducts));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.Transient);
        Assert.Single(sandbox.BigCommerce.Requests);
    }

    [Theory]
    [InlineData("POST", 422)]
    [InlineData("PUT", 409)]
    public async Task A_refused_write_fails_at_once_with_one_request_sent(string method, int status)
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 1);
        sandbox.Ecwid.Faults.RejectWhen(p => p["sku"]?.ToString() == "REFUSED", status, "SKU REFUSED is taken");
        var client = SandboxClients.Ecwid(sandbox);
        var id = sandbox.Ecwid.Products.All[0]["id"]!.ToString();
        var document = new JsonObject { ["payload"] = new JsonObject { ["name"] = "Mug", ["sku"] = "REFUSED", ["price"] = 3 } };
        if (method == "PUT") document["path"] = new JsonObject { ["objectId"] = id };

        var error = await Assert.ThrowsAsync<PlatformException>(() => client.PublishAsync(EcwidProducts, method, document, Ct));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.Transient);
        Assert.Contains(error.Error.Messages, m => m.Contains("SKU REFUSED is taken"));
        Assert.Single(sandbox.Ecwid.Requests, r => r.Method == method);
    }

    /// <summary>Twenty fetches fail together, which opens the client's circuit: their retries are then refused by the
    /// client itself instead of reaching the failing platform, and the error says why.</summary>
    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_the_error_says_so()
    {
        await using var sandbox = await SandboxClients.StartAsync(ecwidProducts: 10);
        sandbox.Ecwid.Faults.RespondErrorWhen(_ => true, 500);
        var client = SandboxClients.Ecwid(sandbox);
        const int fetches = 20;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, fetches).Select(async _ =>
            await Record.ExceptionAsync(() => client.FetchAsync(EcwidProducts, null, Ct))));

        var errors = outcomes.Select(e => Assert.IsType<PlatformException>(e)).ToList();
        Assert.All(errors, e => Assert.True(e.Transient, e.Message));
        Assert.Contains(errors, e => e.Message.Contains("the circuit to this client is open after repeated failures"));
        // Without the circuit each fetch would have reached the platform on every one of its attempts.
        Assert.True(sandbox.Ecwid.Requests.Count < fetches * (1 + Http.ResiliencePolicy.RetryAttempts) / 2,
            $"{sandbox.Ecwid.Requests.Count} requests reached the failing platform");
    }
}
