using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Connectors;

/// <summary>Reads entities' change times (an incremental incoming's <c>field</c>) in the forms platforms send:
/// ISO-8601, RFC 2822 (BigCommerce v2), <c>2024-03-05 10:00:00 +0000</c> (Ecwid), UNIX seconds as number or text.</summary>
public static partial class ChangeTimes
{
    /// <summary>The newest change time of <paramref name="entities"/>, or <paramref name="sofar"/> when none is newer.
    /// Entities without the field (or with an empty one) are passed over; a value that is not a time throws <see cref="FormatException"/>.</summary>
    public static DateTimeOffset? Newest(IEnumerable<JsonObject> entities, string field, DateTimeOffset? sofar)
    {
        var newest = sofar;
        foreach (var entity in entities)
        {
            if (JsonPaths.Find(entity, field) is not { } value || IsBlank(value)) continue;
            var time = Read(value) ?? throw new FormatException(
                $"the incremental field '{field}' is {value.ToJsonString()} in an entity, which is not a time (ISO-8601, RFC 2822 or UNIX seconds)");
            if (newest is null || time > newest) newest = time;
        }
        return newest;
    }

    private static bool IsBlank(JsonNode value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(text.GetValue<string>());

    /// <summary>The time a JSON value holds; null when it holds none.</summary>
    public static DateTimeOffset? Read(JsonNode value)
    {
        if (value is not JsonValue scalar) return null;
        return scalar.GetValueKind() switch
        {
            JsonValueKind.Number when scalar.TryGetValue<long>(out var seconds) => FromUnix(seconds),
            JsonValueKind.Number => FromUnix((long)scalar.GetValue<double>()),
            JsonValueKind.String => Parse(scalar.GetValue<string>()),
            _ => null,
        };
    }

    private static DateTimeOffset? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return FromUnix(seconds);
        // .NET reads offsets as +00:00; Ecwid and RFC 2822 write +0000.
        var normalized = CompactOffset().Replace(text, "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    /// <summary>UNIX seconds; a value too large for seconds in this era is taken as milliseconds.</summary>
    private static DateTimeOffset FromUnix(long value) =>
        value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex CompactOffset();
}
