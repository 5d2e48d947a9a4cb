using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Copies the entity, writes each mapping into it (reading the entity as it was before this step), then
/// removes the moved sources.</summary>
internal sealed class CopyTransformer(IReadOnlyList<Mapping> mappings, IReadOnlyList<PathPattern> removedSources) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        var result = (JsonObject)entity.DeepClone();
        foreach (var source in removedSources)
        foreach (var parent in source.Parents(result).ToArray())
            parent.Remove();
        foreach (var mapping in mappings)
            mapping.Apply(input, result);
        return TransformResult.Keep(result);
    }
}
