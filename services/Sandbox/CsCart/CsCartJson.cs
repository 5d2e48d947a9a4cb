using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>CS-Cart's loose types: every stored number goes out as a string (the API "always accepts and returns data
/// as strings and arrays", vendors.rst), and numbers may come in as numbers or strings.</summary>
internal static class CsCartJson
{
    /// <summary>A deep copy with every number written as a string.</summary>
    public static JsonNode? Loose(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Loose(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Loose).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.ToJsonString()),
        _ => node.DeepClone(),
    };

    public static JsonObject Loose(JsonObject o) => (JsonObject)Loose((JsonNode)o)!;

    /// <summary>An integer sent as a number or as a numeric string.</summary>
    public static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonHelpers.Long(v),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Long(v.GetValue<string>()),
        _ => null,
    };

    public static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>Ids as an array (of numbers or strings) or a comma-separated string (<c>"category_ids": "253,252"</c>).</summary>
    public static IReadOnlyList<long> Ids(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(Long).OfType<long>().ToArray(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            v.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Long).OfType<long>().ToArray(),
        JsonValue v => Long(v) is { } one ? [one] : [],
        _ => [],
    };

    /// <summary>PHP's <c>empty()</c>: missing, null, "", "0", 0, false, [] and {}.</summary>
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>() is "" or "0",
            JsonValueKind.Number => JsonHelpers.Dec(v) == 0,
            JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        },
        _ => false,
    };
}
