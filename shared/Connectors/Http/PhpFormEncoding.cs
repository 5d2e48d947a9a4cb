using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Http;

/// <summary>Writes a JSON body as HTML form fields the way PHP reads them back into arrays:
/// <c>{"product": [{"product_id": 5}]}</c> → <c>product[0][product_id]=5</c>.</summary>
public static class PhpFormEncoding
{
    public static FormUrlEncodedContent Content(JsonNode body) => new(Fields(body));

    public static IReadOnlyList<KeyValuePair<string, string>> Fields(JsonNode body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (body is JsonObject root)
            foreach (var (key, value) in root) Add(fields, key, value);
        else
            throw new ArgumentException("a form body must be a JSON object of field names", nameof(body));
        return fields;
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, JsonNode? value)
    {
        switch (value)
        {
            case null:
                fields.Add(new(name, ""));
                break;
            case JsonObject obj:
                foreach (var (key, child) in obj) Add(fields, $"{name}[{key}]", child);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Add(fields, $"{name}[{i}]", array[i]);
                break;
            case JsonValue scalar when scalar.TryGetValue<bool>(out var flag):
                // PHP forms have no booleans; OpenCart and CS-Cart read 1 and 0.
                fields.Add(new(name, flag ? "1" : "0"));
                break;
            default:
                fields.Add(new(name, value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString()));
                break;
        }
    }
}
