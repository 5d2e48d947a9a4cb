using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Transformation;

/// <summary>A string with <c>{{expression}}</c> placeholders, resolved on an entity.</summary>
/// <remarks>A template that is exactly one placeholder yields the referenced value itself, so its JSON type is kept
/// (<c>"{{price}}"</c> stays a number); otherwise values are interpolated as text and missing ones render empty.</remarks>
internal sealed partial class StringTemplate
{
    private readonly object[] _parts; // string literals and JsonPathExpressions, in order

    private StringTemplate(object[] parts) => _parts = parts;

    /// <summary>True when the text has at least one placeholder.</summary>
    public static bool HasPlaceholders(string text) => Placeholder().IsMatch(text);

    /// <summary>Compiles the template, reporting each invalid placeholder on <paramref name="context"/>.</summary>
    public static StringTemplate? Compile(string text, TransformerBuildContext context)
    {
        var parts = new List<object>();
        var valid = true;
        var end = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            if (match.Index > end)
                parts.Add(text[end..match.Index]);
            var expression = context.Expression(match.Groups["expression"].Value);
            valid &= expression is not null;
            parts.Add((object?)expression ?? string.Empty);
            end = match.Index + match.Length;
        }

        if (end < text.Length)
            parts.Add(text[end..]);
        return valid ? new StringTemplate(parts.ToArray()) : null;
    }

    /// <summary>The rendered value: detached from the input, ready to attach.</summary>
    public JsonNode? Render(ExpressionInput input)
    {
        if (_parts is [JsonPathExpression only])
            return only.EvaluateDetached(input);

        var text = new StringBuilder();
        foreach (var part in _parts)
            text.Append(part is JsonPathExpression expression ? AsText(expression.Evaluate(input)) : (string)part);
        return JsonValue.Create(text.ToString());
    }

    private static string AsText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.ToString(),
        _ => value.ToJsonString(),
    };

    [GeneratedRegex(@"\{\{(?<expression>.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();
}
