using System.Globalization;

namespace Switchboard.Connectors.Http;

/// <summary>Paces one client by the platform's own rate-limit headers: when an answer says no requests are left
/// in the window, the client's next requests wait until the window resets instead of earning a 429.</summary>
public sealed class RateLimitGate(RateLimitHeaders headers, TimeProvider clock)
{
    private long _closedUntilTicks;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _closedUntilTicks), TimeSpan.Zero) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait > RetryDelays.Longest ? RetryDelays.Longest : wait, clock, cancellationToken);
    }

    public void Observe(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(headers.RemainingHeader, out var left)
            || !int.TryParse(left.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || remaining > 0)
            return;
        if (!response.Headers.TryGetValues(headers.ResetHeader, out var reset)
            || !double.TryParse(reset.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            return;
        var until = clock.GetUtcNow() + (headers.ResetIsMilliseconds ? TimeSpan.FromMilliseconds(amount) : TimeSpan.FromSeconds(amount));
        var ticks = until.UtcTicks;
        long current;
        do current = Interlocked.Read(ref _closedUntilTicks);
        while (ticks > current && Interlocked.CompareExchange(ref _closedUntilTicks, ticks, current) != current);
    }
}

/// <summary>Runs every attempt of a client's requests through its <see cref="RateLimitGate"/>.</summary>
public sealed class RateLimitGateHandler(RateLimitGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        gate.Observe(response);
        return response;
    }
}
