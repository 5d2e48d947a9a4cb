using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>The key of a source entity (for tasks, logs and errors), read with the route's key expression.</summary>
public static class EntityKey
{
    public const string Missing = "?";

    /// <summary>True for a missing key and for the outputs a <c>branches</c> step made of an entity without one
    /// (<c>?#1</c>, <c>?#2</c>, …): such keys name no object, so they are never mapped or fingerprinted.</summary>
    public static bool IsMissing(string key) => key == Missing || key.StartsWith(Missing + "#", StringComparison.Ordinal);

    // Key expressions come from configuration, so there are few of them: compile each once.
    private static readonly ConcurrentDictionary<string, JsonPathExpression> Expressions = new(StringComparer.Ordinal);

    /// <summary>The key as text (strings unquoted, other values as compact JSON); <c>?</c> when missing, null or empty.
    /// Throws <see cref="TransformerConfigException"/> when <paramref name="keyExpression"/> is not a valid expression.</summary>
    public static string Of(JsonObject entity, string keyExpression)
    {
        var expression = Expressions.GetOrAdd(keyExpression, Compile);
        JsonNode? key;
        try
        {
            key = expression.Evaluate(entity);
        }
        catch (InvalidOperationException)
        {
            return Missing;
        }

        var text = key switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => key.ToJsonString(),
        };
        return string.IsNullOrEmpty(text) ? Missing : text;
    }

    private static JsonPathExpression Compile(string text) =>
        JsonPathExpression.TryParse(text, out var expression, out var error)
            ? expression
            : throw new TransformerConfigException($"key {error}");
}
