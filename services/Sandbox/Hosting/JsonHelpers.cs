using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

internal static class JsonHelpers
{
    // The platforms write '+', '<' and '&' literally; the default encoder would escape them.
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(int status, JsonNode body) =>
        Results.Text(body.ToJsonString(Output), "application/json; charset=utf-8", statusCode: status);

    public static bool IsNumber(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsBool(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    public static bool IsInteger(JsonNode? node) => Long(node) is not null;

    public static string? Str(JsonObject o, string name) => IsString(o[name]) ? o[name]!.GetValue<string>() : null;

    /// <summary>Any JSON number as decimal, whatever CLR type the node was built from (int, long, double, decimal).</summary>
    public static decimal? Dec(JsonNode? node)
    {
        if (!IsNumber(node)) return null;
        var v = node!.AsValue();
        if (v.TryGetValue<decimal>(out var d)) return d;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : null;
    }

    /// <summary>An integral JSON number as long; null for non-numbers and fractions.</summary>
    public static long? Long(JsonNode? node)
    {
        if (!IsNumber(node)) return null;
        var v = node!.AsValue();
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        return Dec(node) is { } d && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue ? (long)d : null;
    }

    public static long IdOf(JsonObject o, string idProperty = "id") => Long(o[idProperty]) ?? throw new InvalidOperationException($"Entity has no numeric {idProperty}.");

    /// <summary>Shallow merge: top-level properties of <paramref name="patch"/> replace those of <paramref name="target"/>.</summary>
    public static void Merge(JsonObject target, JsonObject patch, IReadOnlySet<string> readOnly)
    {
        foreach (var (key, value) in patch)
        {
            if (!readOnly.Contains(key)) target[key] = value?.DeepClone();
        }
    }

    /// <summary>Accepts unix seconds, ISO-8601 and RFC 2822 dates ("Mon, 01 Jan 2024 00:00:00 +0000").</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            value = DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }
        string[] formats = ["ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss"];
        var normalized = System.Text.RegularExpressions.Regex.Replace(text, @"([+-]\d\d)(\d\d)$", "$1:$2");
        if (DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)) return true;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static HashSet<long>? ParseIdList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var ids = new HashSet<long>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) ids.Add(id);
        }
        return ids;
    }

    public static bool? ParseBool(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
