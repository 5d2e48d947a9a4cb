using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Switchboard.Transformation;

/// <summary>Converts between System.Text.Json nodes and Newtonsoft tokens (JMESPath.Net works on the latter).</summary>
/// <remarks>Walks the trees instead of re-parsing text: Newtonsoft's parser would turn date-like strings into dates,
/// and integers must stay integers.</remarks>
internal static class JTokenConversion
{
    public static JToken ToJToken(JsonNode? node) => node switch
    {
        null => JValue.CreateNull(),
        JsonObject obj => ToJObject(obj),
        JsonArray array => new JArray(array.Select(ToJToken)),
        JsonValue value => ToJValue(value),
        _ => throw new NotSupportedException($"unexpected JSON node {node.GetType().Name}"),
    };

    public static JsonNode? ToJsonNode(JToken? token) => token switch
    {
        null => null,
        JObject obj => ToJsonObject(obj),
        JArray array => new JsonArray(array.Select(ToJsonNode).ToArray()),
        JValue value => ToJsonValue(value),
        _ => throw new NotSupportedException($"unexpected JMESPath result {token.Type}"),
    };

    private static JObject ToJObject(JsonObject obj)
    {
        var result = new JObject();
        foreach (var (name, child) in obj)
            result[name] = ToJToken(child);
        return result;
    }

    private static JsonObject ToJsonObject(JObject obj)
    {
        var result = new JsonObject();
        foreach (var property in obj.Properties())
            result[property.Name] = ToJsonNode(property.Value);
        return result;
    }

    private static JValue ToJValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new JValue(value.ToString()),
        JsonValueKind.True => new JValue(true),
        JsonValueKind.False => new JValue(false),
        JsonValueKind.Number => ToJNumber(value.ToJsonString()),
        JsonValueKind.Null or JsonValueKind.Undefined => JValue.CreateNull(),
        var kind => throw new NotSupportedException($"unexpected JSON value kind {kind}"),
    };

    private static JValue ToJNumber(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return new JValue(integer);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            return new JValue(exact);
        return new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    // Numbers are re-parsed from their JSON text so they are backed by a JsonElement like those of parsed entities:
    // GetValue<double>() then works on an integer, as it does on an entity read from a platform.
    private static JsonNode? ToJsonValue(JValue value) => value.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => null,
        JTokenType.String => JsonValue.Create((string)value.Value!),
        JTokenType.Boolean => JsonValue.Create((bool)value.Value!),
        JTokenType.Integer or JTokenType.Float => JsonNode.Parse(value.ToString(Formatting.None)),
        JTokenType.Date => JsonValue.Create(value.ToString("o", CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Convert.ToString(value.Value, CultureInfo.InvariantCulture)),
    };
}
