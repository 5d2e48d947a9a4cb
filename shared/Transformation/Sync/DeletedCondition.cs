using System.Text.Json.Nodes;

namespace Switchboard.Transformation.Sync;

/// <summary>A route's <c>deleted.when</c>: true (in JMESPath's sense) for a source entity the source reports deleted.</summary>
public sealed class DeletedCondition(string expression)
{
    private readonly ExpressionCondition _condition = new(JsonPathExpression.Parse(expression));

    public string Text => expression;

    /// <summary>Throws <see cref="InvalidOperationException"/> when the expression cannot be evaluated on the entity.</summary>
    public bool IsMet(JsonObject source) => _condition.IsMet(new ExpressionInput(source));
}
