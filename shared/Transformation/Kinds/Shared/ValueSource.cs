using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Where a mapped value comes from: a path or JMESPath expression, or — when the target has <c>$n</c>
/// references — a path pattern with <c>*</c>; then value mappers, then a default for a value that is missing.</summary>
internal sealed class ValueSource(
    JsonPathExpression? expression, PathPattern? pattern, MapperChain mappers, bool hasDefault, JsonNode? fallback)
{
    public string Text => expression?.Text ?? pattern!.Text;

    /// <summary>Plain paths and patterns can be removed (by <c>move</c>); JMESPath expressions cannot.</summary>
    public PathPattern? RemovablePath => pattern ?? PathPattern.FromPlainPath(expression!);

    /// <summary>Each value the source yields, detached and mapped, with what the wildcards matched.
    /// A source yielding nothing yields its default, if it has one.</summary>
    public IEnumerable<(JsonNode? Value, IReadOnlyList<Capture> Captures)> Values(ExpressionInput input)
    {
        if (pattern is not null)
        {
            foreach (var match in pattern.Matches(input.Document))
                yield return (Finish(match.Node?.DeepClone(), input), match.Captures);
            yield break;
        }

        var value = Finish(expression!.EvaluateDetached(input), input);
        if (value is not null)
            yield return (value, []);
    }

    private JsonNode? Finish(JsonNode? value, ExpressionInput input)
    {
        var mapped = mappers.Apply(value, input);
        return mapped is null && hasDefault ? fallback?.DeepClone() : mapped;
    }
}
