using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Reads a condition: a JMESPath expression string, or <c>{ path, equals | notEquals | in | exists }</c>.</summary>
internal static class ConditionParser
{
    private static readonly string[] Operators = ["equals", "notEquals", "in", "exists"];

    /// <summary>The condition, or null after reporting every mistake on <paramref name="context"/>.</summary>
    public static ICondition? Parse(JsonNode? node, TransformerBuildContext context, string kind)
    {
        switch (node)
        {
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                return context.Expression(text.GetValue<string>()) is { } expression ? new ExpressionCondition(expression) : null;
            case JsonObject obj:
                return ParseComparison(obj, context, kind);
            default:
                context.Problem($"{kind} expects a JMESPath expression or an object {{ path, {string.Join(" | ", Operators)} }}, got {ArgumentText.Describe(node)}");
                return null;
        }
    }

    private static ICondition? ParseComparison(JsonObject obj, TransformerBuildContext context, string kind)
    {
        var problemsBefore = context.Problems.Count;
        foreach (var (key, _) in obj)
        {
            if (key != "path" && !Operators.Contains(key))
                context.Problem($"{kind}: unknown key '{key}'; expected path and one of {string.Join(", ", Operators)}");
        }

        JsonPathExpression? path = null;
        if (obj["path"] is JsonValue pathText && pathText.GetValueKind() == JsonValueKind.String)
            path = context.Expression(pathText.GetValue<string>());
        else
            context.Problem($"{kind}: 'path' must be a path or JMESPath expression (a string), got {ArgumentText.Describe(obj["path"])}");

        var given = Operators.Where(obj.ContainsKey).ToArray();
        if (given.Length != 1)
        {
            context.Problem(given.Length == 0
                ? $"{kind}: no operator; add one of {string.Join(", ", Operators)}"
                : $"{kind}: use only one operator, got {string.Join(", ", given)}");
            return null;
        }

        var condition = path is null ? null : Build(given[0], path, obj[given[0]], context, kind);
        return context.Problems.Count == problemsBefore ? condition : null;
    }

    private static ICondition? Build(string op, JsonPathExpression path, JsonNode? operand, TransformerBuildContext context, string kind)
    {
        switch (op)
        {
            case "equals":
                return new EqualsCondition(path, operand?.DeepClone(), negated: false);
            case "notEquals":
                return new EqualsCondition(path, operand?.DeepClone(), negated: true);
            case "in" when operand is JsonArray candidates:
                return new InCondition(path, (JsonArray)candidates.DeepClone());
            case "in":
                context.Problem($"{kind}: 'in' expects a list of values, got {ArgumentText.Describe(operand)}");
                return null;
            case "exists" when operand?.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return new ExistsCondition(path, operand.GetValue<bool>());
            default:
                context.Problem($"{kind}: 'exists' expects true or false, got {ArgumentText.Describe(operand)}");
                return null;
        }
    }
}
