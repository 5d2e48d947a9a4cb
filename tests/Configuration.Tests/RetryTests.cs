namespace Switchboard.Configuration.Tests;

/// <summary>A route's <c>retry</c>: attempts and a growing backoff between two bounds, every mistake at its line.</summary>
public sealed class RetryTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    private string Flows(string retry) => _files.Write("flows.yaml", $"""
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            method: POST
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            retry: {retry}
        """);

    [Fact]
    public void Attempts_and_backoff_bounds_are_read()
    {
        var result = _files.Load(_files.WriteClients(), Flows("{ attempts: 5, backoff: 1m..6h }"));

        Assert.Empty(result.Errors);
        var retry = result.Integration!.Routes["products-to-ecwid"].Retry;
        Assert.Equal(new RetryConfig(5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(6)), retry);
    }

    [Fact]
    public void A_route_without_retry_has_none()
    {
        var result = _files.Load(_files.WriteClients(), _files.Write("flows.yaml", SampleFiles.Flows));

        Assert.Null(result.Integration!.Routes["products-to-ecwid"].Retry);
    }

    [Fact]
    public void The_delay_doubles_from_the_first_and_stops_at_the_longest()
    {
        var retry = new RetryConfig(10, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));

        Assert.Equal(
            [1, 2, 4, 8, 10, 10],
            Enumerable.Range(1, 6).Select(attempt => retry.DelayAfter(attempt).TotalMinutes));
    }

    [Theory]
    [InlineData("{ attempts: 5, backoff: 1m-6h }", "expected MIN..MAX durations such as 1m..6h (units ms, s, m, h, d), got '1m-6h'")]
    [InlineData("{ attempts: 5, backoff: 1 minute..6h }", "expected MIN..MAX durations such as 1m..6h (units ms, s, m, h, d), got '1 minute..6h'")]
    [InlineData("{ attempts: 5, backoff: 6h..1m }", "the first delay 6h is longer than the longest 1m")]
    public void A_wrong_backoff_is_reported_at_its_key(string retry, string message)
    {
        var flows = Flows(retry);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 14, "routes.products-to-ecwid.retry.backoff");
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Attempts_must_be_a_whole_number_above_zero()
    {
        var flows = Flows("{ attempts: 0, backoff: 1s..1m }");

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 14, "routes.products-to-ecwid.retry.attempts");
        Assert.Equal("expected a whole number greater than 0, got '0'", error.Message);
    }

    [Fact]
    public void Missing_and_unknown_keys_are_reported()
    {
        var flows = Flows("{ attempts: 3, delay: 1s }");

        var result = _files.Load(_files.WriteClients(), flows);

        Assert.Equal(
            ["routes.products-to-ecwid.retry.backoff: 'backoff' is required",
             "routes.products-to-ecwid.retry.delay: unknown key 'delay'; allowed: attempts, backoff"],
            result.Errors.Select(e => $"{e.Key}: {e.Message}"));
    }
}
