using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>jmespath: expression</c> — evaluated on the value itself (<c>@</c> is the value):
/// <c>jmespath: "[?active].sku"</c>, <c>jmespath: "join(', ', @)"</c>.</summary>
internal sealed class JmesPathMapper(JsonPathExpression expression) : IValueMapper
{
    public string Name => "jmespath";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        if (arguments.Text is not { } text)
        {
            arguments.Problem($"expects a JMESPath expression (a text), got {ArgumentText.Describe(arguments.Value)}");
            return null;
        }

        if (JsonPathExpression.TryParse(text, out var expression, out var error))
            return new JmesPathMapper(expression);
        arguments.Problem(error);
        return null;
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity) => expression.EvaluateDetached(new ExpressionInput(value));
}
