namespace Switchboard.Configuration.Loading;

/// <summary>Reads a route's <c>retry: { attempts: 5, backoff: 1m..6h }</c>.</summary>
internal static class RetryBinder
{
    private static readonly string[] Keys = ["attempts", "backoff"];

    public static RetryConfig? Bind(MappingReader route)
    {
        if (route.Mapping("retry", Keys) is not { } retry)
            return null;
        var attempts = retry.PositiveInteger("attempts", required: true);
        var backoff = Backoff(retry);
        return attempts is { } a && backoff is var (min, max) ? new RetryConfig(a, min, max) : null;
    }

    private static (TimeSpan Min, TimeSpan Max)? Backoff(MappingReader retry)
    {
        if (retry.Text("backoff", required: true) is not { } text)
            return null;
        var parts = text.Split("..");
        if (parts.Length != 2 || Duration(parts[0]) is not { } min || Duration(parts[1]) is not { } max)
        {
            retry.Error("backoff", $"expected MIN..MAX durations such as 1m..6h (units ms, s, m, h, d), got '{text}'");
            return null;
        }
        if (min > max)
        {
            retry.Error("backoff", $"the first delay {parts[0].Trim()} is longer than the longest {parts[1].Trim()}");
            return null;
        }
        return (min, max);
    }

    /// <summary>A positive duration such as <c>10ms</c>, <c>30s</c>, <c>1m</c>, <c>6h</c>, <c>1d</c>.</summary>
    private static TimeSpan? Duration(string text) =>
        Durations.TryParse(text, out var duration) && duration > TimeSpan.Zero ? duration : null;
}
