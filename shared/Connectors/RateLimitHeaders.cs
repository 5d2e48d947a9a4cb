namespace Switchboard.Connectors;

/// <summary>A platform's own rate-limit headers: how many requests are left and how long until the window resets.</summary>
/// <param name="ResetIsMilliseconds">True when the reset header counts milliseconds, false for seconds.</param>
public sealed record RateLimitHeaders(string RemainingHeader, string ResetHeader, bool ResetIsMilliseconds);
