using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Reading and making JSON scalars the way value mappers need them.</summary>
internal static class JsonValues
{
    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    /// <summary>The number held by a JSON number, or null for anything else.</summary>
    public static decimal? Decimal(JsonNode? node) =>
        IsNumber(node) && decimal.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    // Numbers are made by parsing their text so they behave like numbers read from a platform (JsonElement-backed).
    public static JsonNode Number(decimal value) =>
        JsonNode.Parse((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture))!;

    public static JsonNode Number(long value) => JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>Strings as they are, anything else as compact JSON; null for a missing value.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>JSON as a reader wants it in a message: "€5", not "\u20AC5".</summary>
    internal static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A short description of a value for runtime error messages.</summary>
    public static string Describe(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => Shorten(node.ToJsonString(Readable)),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
