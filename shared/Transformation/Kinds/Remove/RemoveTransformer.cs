using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Copies the entity without the given keys; keys that are not there are ignored.</summary>
internal sealed class RemoveTransformer(IReadOnlyList<PathPattern> paths) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var result = (JsonObject)entity.DeepClone();
        foreach (var path in paths)
        foreach (var parent in path.Parents(result).ToArray())
            parent.Remove();
        return TransformResult.Keep(result);
    }
}
