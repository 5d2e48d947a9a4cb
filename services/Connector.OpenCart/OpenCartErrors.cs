using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Connector.OpenCart;

/// <summary>OpenCart's refusals: <c>{"error": "…"}</c> or per field <c>{"error": {"coupon": "…", "option": {"5": "…"}}}</c>,
/// both with HTTP 200 in 3.0 and 4.0.</summary>
public static class OpenCartErrors
{
    /// <summary>What the store answers, in every generation, when the session is unknown or expired
    /// (the language string <c>error_permission</c>).</summary>
    public const string NoPermission = "You do not have permission to access the API";

    /// <summary>The messages under <c>error</c>, or an empty list when the answer is not a refusal.</summary>
    public static IReadOnlyList<string> In(JsonNode? body)
    {
        var messages = new List<string>();
        if (body is JsonObject answer && answer["error"] is { } error) Collect(error, "", messages);
        return messages;
    }

    public static bool SaysSessionExpired(string body)
    {
        if (!body.Contains(NoPermission, StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            return In(JsonNode.Parse(body)).Any(m => m.Contains(NoPermission, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Collect(JsonNode node, string field, List<string> messages)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (key, value) in fields)
                    if (value is not null) Collect(value, field.Length == 0 ? key : $"{field}.{key}", messages);
                break;
            case JsonArray list:
                foreach (var item in list)
                    if (item is not null) Collect(item, field, messages);
                break;
            case JsonValue value when value.ToString() is { Length: > 0 } text:
                // "warning" is OpenCart's key for a message about the whole call, not a field.
                messages.Add(field is "" or "warning" ? text : $"{field}: {text}");
                break;
        }
    }
}
