using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Builds a new entity holding only the mapped values; a source yielding nothing leaves its target absent.</summary>
internal sealed class MapTransformer(IReadOnlyList<MapTransformer.Mapping> mappings) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        var result = new JsonObject();
        foreach (var mapping in mappings)
        {
            var value = mapping.Source.EvaluateDetached(input);
            if (value is not null)
                mapping.Target.Set(result, value);
        }

        return TransformResult.Keep(result);
    }

    public sealed record Mapping(TargetPath Target, JsonPathExpression Source);
}
