using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>date: { parse, timeZone, format, toTimeZone }</c> — reads a date and writes it in another form.</summary>
/// <remarks>
/// <c>parse</c>: <c>iso</c> (default; ISO 8601 and RFC 1123 texts), <c>unix</c>, <c>unix-ms</c>, or a .NET format
/// (<c>dd.MM.yyyy HH:mm</c>). <c>timeZone</c> (IANA id, default UTC) is the zone of parsed times that carry no offset.
/// <c>format</c>: <c>iso</c> (default, <c>2024-05-01T12:00:00+02:00</c>, <c>Z</c> for UTC), <c>unix</c>, <c>unix-ms</c>
/// or a .NET format. <c>toTimeZone</c> (IANA id, default: the offset the date had) is the zone the result is shown in.
/// </remarks>
internal sealed class DateMapper(string parse, TimeZoneInfo timeZone, string format, TimeZoneInfo? toTimeZone) : IValueMapper
{
    private static readonly string[] Keys = ["parse", "timeZone", "format", "toTimeZone"];

    public string Name => "date";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        if (arguments.Value is not JsonObject obj)
        {
            arguments.Problem($"expects {{ parse, timeZone, format, toTimeZone }}, got {ArgumentText.Describe(arguments.Value)}");
            return null;
        }

        var valid = true;
        foreach (var (key, value) in obj)
        {
            if (!Keys.Contains(key))
            {
                arguments.Problem($"unknown key '{key}'; expected {string.Join(", ", Keys)}");
                valid = false;
            }
            else if (!JsonValues.IsString(value) || value!.GetValue<string>().Length == 0)
            {
                arguments.Problem($"'{key}' must be a text, got {ArgumentText.Describe(value)}");
                valid = false;
            }
        }

        if (!valid)
            return null;
        var zone = Zone(obj["timeZone"], arguments, "timeZone");
        var toZone = Zone(obj["toTimeZone"], arguments, "toTimeZone");
        if (zone is null || (obj["toTimeZone"] is not null && toZone is null))
            return null;
        return new DateMapper(
            obj["parse"]?.GetValue<string>() ?? "iso", zone, obj["format"]?.GetValue<string>() ?? "iso",
            obj["toTimeZone"] is null ? null : toZone);
    }

    private static TimeZoneInfo? Zone(JsonNode? id, MapperArguments arguments, string key)
    {
        if (id is null)
            return TimeZoneInfo.Utc;
        var text = id.GetValue<string>();
        if (text.Equals("UTC", StringComparison.OrdinalIgnoreCase))
            return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            arguments.Problem($"'{key}': unknown time zone '{text}'; use an IANA id such as Europe/Berlin or America/New_York");
            return null;
        }
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity)
    {
        var date = Parse(value);
        if (toTimeZone is not null)
            date = TimeZoneInfo.ConvertTime(date, toTimeZone);
        return format switch
        {
            "iso" => JsonValue.Create(date.Offset == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            "unix" => JsonValues.Number(date.ToUnixTimeSeconds()),
            "unix-ms" => JsonValues.Number(date.ToUnixTimeMilliseconds()),
            _ => JsonValue.Create(date.ToString(format, CultureInfo.InvariantCulture)),
        };
    }

    private DateTimeOffset Parse(JsonNode value)
    {
        if (parse is "unix" or "unix-ms")
        {
            var number = CastMapper.Number(value);
            var milliseconds = parse == "unix" ? number * 1000m : number;
            return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        }

        if (value.GetValueKind() != JsonValueKind.String)
            throw new InvalidOperationException($"expects a date text, got {JsonValues.Describe(value)}");
        var text = value.GetValue<string>().Trim();
        var styles = DateTimeStyles.AllowWhiteSpaces;
        var ok = parse == "iso"
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, styles | DateTimeStyles.RoundtripKind, out var local)
            : DateTime.TryParseExact(text, parse, CultureInfo.InvariantCulture, styles | DateTimeStyles.RoundtripKind, out local);
        if (!ok)
            throw new InvalidOperationException($"{JsonValues.Describe(value)} is not a date in the format '{parse}'");

        // A text with an offset says its own zone; one without is read in the configured time zone.
        var hasOffset = parse == "iso"
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var withOffset) && local.Kind != DateTimeKind.Unspecified
            : DateTimeOffset.TryParseExact(text, parse, CultureInfo.InvariantCulture, styles, out withOffset) && local.Kind != DateTimeKind.Unspecified;
        if (hasOffset)
            return withOffset;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall-clock time the clocks skipped (a daylight-saving gap) names no instant: guessing one would shift it.
        if (timeZone.IsInvalidTime(unspecified))
            throw new InvalidOperationException(
                $"{JsonValues.Describe(value)} does not exist in the time zone {timeZone.Id}: the clocks skipped that time (a daylight-saving change)");
        return new DateTimeOffset(unspecified, timeZone.GetUtcOffset(unspecified));
    }
}
