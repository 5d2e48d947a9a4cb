using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Copies the entity and sets each target; placeholders read the entity as it was before this step.</summary>
internal sealed class SetTransformer(IReadOnlyList<SetTransformer.Assignment> assignments) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        var result = (JsonObject)entity.DeepClone();
        foreach (var assignment in assignments)
            assignment.Target.Write(result, () => assignment.Value.Value(input));
        return TransformResult.Keep(result);
    }

    public sealed record Assignment(TargetWriter Target, AssignedValue Value);
}
