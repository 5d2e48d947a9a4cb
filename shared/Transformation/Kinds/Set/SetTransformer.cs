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
            assignment.Target.Set(result, assignment.Value(input));
        return TransformResult.Keep(result);
    }

    /// <param name="Template">Set when the value has placeholders; otherwise <paramref name="Constant"/> is used.</param>
    public sealed record Assignment(TargetPath Target, StringTemplate? Template, JsonNode? Constant)
    {
        public JsonNode? Value(ExpressionInput input) => Template is not null ? Template.Render(input) : Constant?.DeepClone();
    }
}
