using Switchboard.Connector.BigCommerce;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>A client's own <c>rateLimit</c>: a budget of requests per window that every request of the client draws on.</summary>
public sealed class ClientRateLimitTests
{
    private static readonly EntityRequest FirstPage = new() { Entity = "catalog/products", Pagination = false };

    private static ConnectorClient Limited(Sandbox.SandboxServer sandbox, int requests, double perSeconds) =>
        SandboxClients.Create(new BigCommercePlatform(),
            SandboxClients.BigCommerce(sandbox).Config with { RateLimit = new RateLimitConfig(requests, perSeconds) });

    [Fact]
    public async Task When_the_budget_is_spent_the_next_request_waits_for_the_window_and_is_not_sent()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 5);
        var client = Limited(sandbox, requests: 2, perSeconds: 600);
        var ct = TestContext.Current.CancellationToken;
        await client.FetchAsync(FirstPage, null, ct);
        await client.FetchAsync(FirstPage, null, ct);

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var third = client.FetchAsync(FirstPage, null, giveUp.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        Assert.False(third.IsCompleted, "the third request of a budget of two went through at once");
        Assert.Equal(2, sandbox.BigCommerce.Requests.Count);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.Equal(2, sandbox.BigCommerce.Requests.Count);
    }

    [Fact]
    public async Task Requests_over_the_budget_queue_and_all_arrive_as_the_window_moves_on()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 5);
        var client = Limited(sandbox, requests: 2, perSeconds: 1);
        var ct = TestContext.Current.CancellationToken;

        var pages = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.FetchAsync(FirstPage, null, ct)));

        Assert.All(pages, page => Assert.Equal(5, page.Entities.Count));
        Assert.Equal(5, sandbox.BigCommerce.Requests.Count);
        Assert.DoesNotContain(sandbox.BigCommerce.Requests, r => r.Status != 200);
    }
}
