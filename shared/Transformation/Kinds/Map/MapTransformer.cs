using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Builds a new entity holding only the mapped values; a source yielding nothing leaves its target absent.</summary>
internal sealed class MapTransformer(IReadOnlyList<Mapping> mappings) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        var result = new JsonObject();
        foreach (var mapping in mappings)
            mapping.Apply(input, result);
        return TransformResult.Keep(result);
    }
}
