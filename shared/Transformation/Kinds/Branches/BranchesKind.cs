using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>branches: { each: variants, key: sku, parent: product }</c> — one entity in, one out per item of the
/// list <c>each</c> names; the following steps run on each. An item that is not an object becomes <c>{ value: item }</c>.
/// <c>key</c> (optional, read on each item) is the output's task key, else it is the source key with <c>#1</c>,
/// <c>#2</c>, …; <c>parent</c> (optional) puts the source entity, without the list, under that key in each item.</summary>
internal sealed class BranchesKind : ITransformerKind
{
    private static readonly string[] Keys = ["each", "key", "parent"];

    public string Name => "branches";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonObject obj)
        {
            context.Problem($"branches expects {{ each, key, parent }}, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        foreach (var (key, value) in obj)
        {
            if (!Keys.Contains(key))
                context.Problem($"branches: unknown key '{key}'; expected {string.Join(", ", Keys)}");
            else if (!JsonValues.IsString(value))
                context.Problem($"branches: '{key}' must be a text, got {ArgumentText.Describe(value)}");
        }

        if (!obj.ContainsKey("each"))
            context.Problem("branches: 'each' is missing: the path of the list whose items become the entities");
        if (context.Problems.Count > 0)
            return null;

        var each = context.Expression(obj["each"]!.GetValue<string>());
        var keyExpression = obj["key"] is { } keyText ? context.Expression(keyText.GetValue<string>()) : null;
        var parentKey = obj["parent"]?.GetValue<string>();
        if (parentKey is not null && TargetPath.TryParse(parentKey, out _, out var parentError) is false)
            context.Problem($"branches: 'parent': {parentError}");
        return each is null || context.Problems.Count > 0 ? null : new BranchesTransformer(each, keyExpression, parentKey, context.Label);
    }
}

internal sealed class BranchesTransformer(JsonPathExpression each, JsonPathExpression? key, string? parentKey, string label) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var list = each.Evaluate(entity);
        switch (list)
        {
            case null or JsonArray { Count: 0 }:
                return TransformResult.Skip($"no branches from {label}: '{each.Text}' has no items");
            case not JsonArray:
                throw new InvalidOperationException($"'{each.Text}' is {JsonValues.Describe(list)}, not a list");
        }

        JsonObject? parent = null;
        if (parentKey is not null)
        {
            parent = (JsonObject)entity.DeepClone();
            foreach (var match in PathPattern.FromPlainPath(each)?.Parents(parent).ToArray() ?? [])
                match.Remove();
        }

        var branches = new List<TransformBranch>();
        var items = (JsonArray)list;
        for (var i = 0; i < items.Count; i++)
        {
            var output = items[i] is JsonObject obj ? (JsonObject)obj.DeepClone() : new JsonObject { ["value"] = items[i]?.DeepClone() };
            if (parent is not null && TargetPath.TryParse(parentKey!, out var parentTarget, out _))
                parentTarget.Set(output, parent.DeepClone());
            branches.Add(new TransformBranch(KeyOf(output) ?? $"#{i + 1}", output));
        }

        return TransformResult.Split(branches);
    }

    private string? KeyOf(JsonObject output)
    {
        if (key is null)
            return null;
        var text = JsonValues.Text(key.Evaluate(output));
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
