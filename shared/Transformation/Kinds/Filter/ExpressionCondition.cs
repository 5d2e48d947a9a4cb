using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Met when the expression's result is true in JMESPath's sense: anything but false, null (or missing),
/// an empty string, an empty list or an empty object. Numbers, 0 included, are true.</summary>
internal sealed class ExpressionCondition(JsonPathExpression expression) : ICondition
{
    public string Description => expression.Text;

    public bool IsMet(ExpressionInput input) => IsTruthy(expression.Evaluate(input));

    private static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonObject obj => obj.Count > 0,
        JsonArray array => array.Count > 0,
        _ => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            _ => true,
        },
    };
}
