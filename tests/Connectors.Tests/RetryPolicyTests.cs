using System.Net;
using System.Text.Json.Nodes;
using Polly.Timeout;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Which failures are tried again, and after how long: the one retry policy every client shares.</summary>
public sealed class RetryPolicyTests
{
    private static readonly RateLimitHeaders BigCommerceQuota = new("X-Rate-Limit-Requests-Left", "X-Rate-Limit-Time-Reset-Ms", ResetIsMilliseconds: true);

    [Fact]
    public void The_platforms_quota_reset_is_the_wait_after_a_429_only()
    {
        // BigCommerce puts the time to the end of its quota window on every answer; after a 500 that is no reason to wait.
        using var tooMany = Answer(HttpStatusCode.TooManyRequests, ("X-Rate-Limit-Time-Reset-Ms", "25000"));
        using var failed = Answer(HttpStatusCode.InternalServerError, ("X-Rate-Limit-Time-Reset-Ms", "25000"));

        Assert.Equal(TimeSpan.FromSeconds(25), RetryDelays.Requested(tooMany, BigCommerceQuota));
        Assert.Null(RetryDelays.Requested(failed, BigCommerceQuota));
    }

    [Fact]
    public void Retry_After_is_honoured_on_any_answer_and_capped()
    {
        using var unavailable = Answer(HttpStatusCode.ServiceUnavailable, ("Retry-After", "3"));
        using var absurd = Answer(HttpStatusCode.TooManyRequests, ("Retry-After", "86400"));

        Assert.Equal(TimeSpan.FromSeconds(3), RetryDelays.Requested(unavailable, BigCommerceQuota));
        Assert.Equal(RetryDelays.Longest, RetryDelays.Requested(absurd, null));
    }

    [Fact]
    public void A_write_is_repeated_only_where_the_platform_surely_did_nothing()
    {
        Assert.True(RetryRules.IsTransient(HttpMethod.Post, 408));
        Assert.True(RetryRules.IsTransient(HttpMethod.Post, 429));
        Assert.True(RetryRules.IsTransient(HttpMethod.Post, 503));
        Assert.False(RetryRules.IsTransient(HttpMethod.Post, 502));
        Assert.True(RetryRules.IsTransient(HttpMethod.Put, 502));
        Assert.False(RetryRules.IsTransient(HttpMethod.Put, 409));

        // A timeout while still queued for a rate limit sent nothing; one after the request went out may have created it.
        Assert.True(RetryRules.IsTransient(HttpMethod.Post, new TimeoutRejectedException(), sent: false));
        Assert.False(RetryRules.IsTransient(HttpMethod.Post, new TimeoutRejectedException(), sent: true));
    }

    [Fact]
    public async Task A_create_answered_408_is_sent_again_and_arrives_once()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Ecwid.Faults.RespondServerError(1, 408);
        var client = SandboxClients.Ecwid(sandbox);

        var created = await client.PublishAsync(new EntityRequest { Entity = "products" }, "POST",
            new JsonObject { ["payload"] = new JsonObject { ["name"] = "Teapot", ["sku"] = "TEA-408", ["price"] = 30 } },
            TestContext.Current.CancellationToken);

        Assert.NotNull(created.TargetId);
        Assert.Equal([408, 200], sandbox.Ecwid.Requests.Where(r => r.Method == "POST").Select(r => r.Status));
        Assert.Single(sandbox.Ecwid.Products.All, p => p["sku"]!.ToString() == "TEA-408");
    }

    [Fact]
    public async Task A_create_answered_502_is_not_sent_again_and_fails_with_the_answer()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        sandbox.Ecwid.Faults.RespondServerError(1, 502);
        var client = SandboxClients.Ecwid(sandbox);

        var error = await Assert.ThrowsAsync<Errors.PlatformException>(() => client.PublishAsync(new EntityRequest { Entity = "products" }, "POST",
            new JsonObject { ["payload"] = new JsonObject { ["name"] = "Teapot", ["sku"] = "TEA-502", ["price"] = 30 } },
            TestContext.Current.CancellationToken));

        // A 502 leaves open whether the product was created: sending it again could create it twice.
        Assert.Equal(502, error.StatusCode);
        Assert.False(error.Transient);
        Assert.Single(sandbox.Ecwid.Requests, r => r.Method == "POST");
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}
