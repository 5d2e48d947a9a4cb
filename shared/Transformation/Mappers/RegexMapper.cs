using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Transformation;

/// <summary><c>regex: { pattern, replacement }</c> replaces every match (<c>$1</c> refers to groups);
/// <c>regex: pattern</c> or <c>{ pattern }</c> extracts the first match — its first group when it has groups —
/// and yields nothing when there is none.</summary>
internal sealed class RegexMapper(Regex regex, string? replacement) : IValueMapper
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public string Name => "regex";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        var (pattern, replacement) = arguments.Value switch
        {
            JsonValue when arguments.Text is { } text => (text, null),
            JsonObject obj when obj.All(p => p.Key is "pattern" or "replacement") && JsonValues.IsString(obj["pattern"]) &&
                                (obj["replacement"] is null || JsonValues.IsString(obj["replacement"])) =>
                (obj["pattern"]!.GetValue<string>(), obj["replacement"]?.GetValue<string>()),
            _ => ((string?)null, (string?)null),
        };
        if (pattern is null)
        {
            arguments.Problem($"expects a pattern, or {{ pattern, replacement }}, got {ArgumentText.Describe(arguments.Value)}");
            return null;
        }

        try
        {
            return new RegexMapper(new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout), replacement);
        }
        catch (ArgumentException e)
        {
            arguments.Problem($"pattern '{pattern}' is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity)
    {
        if (value.GetValueKind() != JsonValueKind.String)
            throw new InvalidOperationException($"expects a string, got {JsonValues.Describe(value)}");
        var text = value.GetValue<string>();
        if (replacement is not null)
            return JsonValue.Create(regex.Replace(text, replacement));

        var match = regex.Match(text);
        if (!match.Success)
            return null;
        return JsonValue.Create(match.Groups.Count > 1 ? match.Groups[1].Value : match.Value);
    }
}
