namespace Switchboard.Configuration;

/// <summary>A route's automatic retries of failed publishes: how many tries in all, and the delay between two tries,
/// doubling from <see cref="MinBackoff"/> up to <see cref="MaxBackoff"/>.</summary>
public sealed record RetryConfig(int Attempts, TimeSpan MinBackoff, TimeSpan MaxBackoff)
{
    /// <summary>The wait after the <paramref name="attempt"/>-th try (1-based) failed.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 40);
        var ticks = MinBackoff.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
