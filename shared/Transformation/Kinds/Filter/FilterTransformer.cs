using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Passes a copy of the entity on when the condition is met, otherwise skips it with a reason.</summary>
internal sealed class FilterTransformer(ICondition condition, string skipReason) : ITransformer
{
    public TransformResult Apply(JsonObject entity) =>
        condition.IsMet(new ExpressionInput(entity))
            ? TransformResult.Keep((JsonObject)entity.DeepClone())
            : TransformResult.Skip(skipReason);
}
