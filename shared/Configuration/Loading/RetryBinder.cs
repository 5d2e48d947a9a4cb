using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Configuration.Loading;

/// <summary>Reads a route's <c>retry: { attempts: 5, backoff: 1m..6h }</c>.</summary>
internal static partial class RetryBinder
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
    public static TimeSpan? Duration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            return null;
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h|d)$")]
    private static partial Regex DurationPattern();
}
