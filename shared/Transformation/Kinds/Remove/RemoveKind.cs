using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>remove: [path, …]</c> or <c>remove: path</c></summary>
internal sealed class RemoveKind : ITransformerKind
{
    public string Name => "remove";

    public ITransformer? Build(TransformerBuildContext context)
    {
        IEnumerable<JsonNode?> items = context.Arguments switch
        {
            JsonArray list when list.Count > 0 => list,
            JsonValue single when single.GetValueKind() == JsonValueKind.String => [single],
            _ => [],
        };
        if (!items.Any())
        {
            context.Problem($"remove expects a path or a list of paths, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        var paths = new List<TargetPath>();
        foreach (var item in items)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                context.Problem($"remove expects paths (strings), got {ArgumentText.Describe(item)}");
            else if (context.Target(value.GetValue<string>()) is { } path)
                paths.Add(path);
        }

        return new RemoveTransformer(paths);
    }
}
