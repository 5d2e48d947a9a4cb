using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>default: { path: value, … }</c> — sets the value only where the key is missing or null; values as in
/// <c>set</c>. A path with <c>*</c> (<c>items.*.quantity: 1</c>) fills every matching container.</summary>
internal sealed class DefaultKind : ITransformerKind
{
    public string Name => "default";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonObject { Count: > 0 } pairs)
        {
            context.Problem($"default expects an object of 'path: value' pairs, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        var defaults = new List<(PathPattern, AssignedValue)>();
        foreach (var (path, value) in pairs)
        {
            if (!PathPattern.TryParse(path, out var pattern, out var error))
                context.Problem(error);
            else if (AssignedValue.Parse(value, context, $"default '{path}'") is { } assigned)
                defaults.Add((pattern, assigned));
        }

        return new DefaultTransformer(defaults);
    }
}

internal sealed class DefaultTransformer(IReadOnlyList<(PathPattern Path, AssignedValue Value)> defaults) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        var result = (JsonObject)entity.DeepClone();
        foreach (var (path, value) in defaults)
        {
            if (path.Wildcards == 0)
            {
                // Missing objects on the way are created, as set does.
                if (path.Matches(result).FirstOrDefault()?.Node is null && TargetPath.TryParse(path.Text, out var target, out _))
                    target.Set(result, value.Value(input));
                continue;
            }

            foreach (var parent in path.Parents(result).ToArray())
            {
                if (parent.Value is null)
                    parent.Set(value.Value(input));
            }
        }

        return TransformResult.Keep(result);
    }
}
