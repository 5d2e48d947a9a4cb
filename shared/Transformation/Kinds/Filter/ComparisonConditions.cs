using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>{ path: x, equals: v }</c> or, negated, <c>{ path: x, notEquals: v }</c>. JSON equality: types must
/// match (<c>"5"</c> is not <c>5</c>), numbers compare by value, and a missing value equals null.</summary>
internal sealed class EqualsCondition(JsonPathExpression path, JsonNode? expected, bool negated) : ICondition
{
    public string Description => $"{path.Text} {(negated ? "notEquals" : "equals")} {Json(expected)}";

    public bool IsMet(ExpressionInput input) => JsonNode.DeepEquals(path.Evaluate(input), expected) != negated;

    internal static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}

/// <summary><c>{ path: x, in: [v, …] }</c>: met when the value equals one of the listed values.</summary>
internal sealed class InCondition(JsonPathExpression path, JsonArray candidates) : ICondition
{
    public string Description => $"{path.Text} in {candidates.ToJsonString()}";

    public bool IsMet(ExpressionInput input)
    {
        var actual = path.Evaluate(input);
        return candidates.Any(candidate => JsonNode.DeepEquals(actual, candidate));
    }
}

/// <summary><c>{ path: x, exists: true|false }</c>: a value exists when it is present and not null.</summary>
internal sealed class ExistsCondition(JsonPathExpression path, bool shouldExist) : ICondition
{
    public string Description => $"{path.Text} {(shouldExist ? "exists" : "does not exist")}";

    public bool IsMet(ExpressionInput input) => path.Evaluate(input) is not null == shouldExist;
}
