using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>remove: [path, …]</c> or <c>remove: path</c>; a path may hold <c>*</c> (<c>items.*.internal_id</c>).</summary>
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

        var paths = new List<PathPattern>();
        foreach (var item in items)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                context.Problem($"remove expects paths (strings), got {ArgumentText.Describe(item)}");
            else if (PathPattern.TryParse(value.GetValue<string>(), out var path, out var error))
                paths.Add(path);
            else
                context.Problem(error);
        }

        return new RemoveTransformer(paths);
    }
}
