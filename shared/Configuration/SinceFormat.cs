using System.Globalization;

namespace Switchboard.Configuration;

/// <summary>How a run's <c>since</c> time is written into a query parameter, as the platform reads it.</summary>
public enum SinceFormat
{
    /// <summary><c>2024-03-05T10:00:00Z</c> (BigCommerce <c>date_modified:min</c>).</summary>
    Iso8601,

    /// <summary>UNIX seconds (Ecwid <c>updatedFrom</c>, CS-Cart).</summary>
    Unix,

    /// <summary>UNIX milliseconds.</summary>
    UnixMs,

    /// <summary><c>2024-03-05</c>, for filters by day.</summary>
    Date,

    /// <summary>A commercetools query predicate: <c>field &gt;= "2024-03-05T10:00:00.000Z"</c>.</summary>
    Where,
}

public static class SinceFormats
{
    /// <summary>The names written in configuration, by format.</summary>
    public static readonly IReadOnlyDictionary<string, SinceFormat> Names = new Dictionary<string, SinceFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["iso8601"] = SinceFormat.Iso8601,
        ["unix"] = SinceFormat.Unix,
        ["unix-ms"] = SinceFormat.UnixMs,
        ["date"] = SinceFormat.Date,
        ["where"] = SinceFormat.Where,
    };

    /// <summary>The query parameter's value for <paramref name="since"/>; times are floored to the unit written,
    /// so rounding can only fetch more, never less.</summary>
    public static string Format(this SinceFormat format, DateTimeOffset since, string field)
    {
        var utc = since.ToUniversalTime();
        return format switch
        {
            SinceFormat.Iso8601 => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SinceFormat.Unix => utc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            SinceFormat.UnixMs => utc.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            SinceFormat.Date => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SinceFormat.Where => $"{field} >= \"{utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\"",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>The time alone, as <c>{{run.since}}</c> shows it: the format's own text, ISO-8601 for a predicate.</summary>
    public static string FormatTime(this SinceFormat format, DateTimeOffset since) =>
        (format == SinceFormat.Where ? SinceFormat.Iso8601 : format).Format(since, "");
}
