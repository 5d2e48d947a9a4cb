using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>map: { target.path: sourceExpression, … }</c></summary>
internal sealed class MapKind : ITransformerKind
{
    public string Name => "map";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonObject pairs)
        {
            context.Problem($"map expects an object of 'target: source' pairs, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        if (pairs.Count == 0)
            context.Problem("map has no 'target: source' pairs");

        var mappings = new List<MapTransformer.Mapping>();
        foreach (var (target, source) in pairs)
        {
            var targetPath = context.Target(target);
            if (source is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                context.Problem($"map '{target}': the source must be a path or JMESPath expression (a string), got {ArgumentText.Describe(source)}");
                continue;
            }

            var expression = context.Expression(value.GetValue<string>());
            if (targetPath is not null && expression is not null)
                mappings.Add(new MapTransformer.Mapping(targetPath, expression));
        }

        return new MapTransformer(mappings);
    }
}
