using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>rename: { path: newKey, … }</c> — gives a key a new name where it is (its place among its siblings
/// kept); the path may hold <c>*</c> (<c>items.*.qty: quantity</c>). A missing key is not an error; a new name that
/// is already a key there is (the rename would drop that key's value).</summary>
internal sealed class RenameKind : ITransformerKind
{
    public string Name => "rename";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonObject { Count: > 0 } pairs)
        {
            context.Problem($"rename expects an object of 'path: newKey' pairs, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        var renames = new List<(PathPattern, string)>();
        foreach (var (path, newKey) in pairs)
        {
            if (!PathPattern.TryParse(path, out var pattern, out var error))
                context.Problem(error);
            else if (pattern.Text.EndsWith(PathPattern.Wildcard, StringComparison.Ordinal))
                context.Problem($"rename '{path}': the last key must be a name, not *");
            else if (newKey is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Trim().Length == 0 ||
                     text.GetValue<string>().Contains('.'))
                context.Problem($"rename '{path}': the new name must be one key (a text without dots), got {ArgumentText.Describe(newKey)}; use move to put a value elsewhere");
            else
                renames.Add((pattern, text.GetValue<string>()));
        }

        return new RenameTransformer(renames);
    }
}

internal sealed class RenameTransformer(IReadOnlyList<(PathPattern Path, string NewKey)> renames) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var result = (JsonObject)entity.DeepClone();
        foreach (var (path, newKey) in renames)
        foreach (var parent in path.Parents(result).ToArray())
        {
            if (parent.Container is not JsonObject obj || !obj.ContainsKey(parent.Key) || parent.Key == newKey)
                continue;
            // Renaming onto a key that is there would lose that key's value without a word: refused instead.
            if (obj.ContainsKey(newKey))
                throw new InvalidOperationException(
                    $"rename '{path}' to '{newKey}': '{Concrete(path, parent, newKey)}' is there already, and rename does not overwrite; "
                    + "remove it first, or use move to replace it");
            Rename(obj, parent.Key, newKey);
        }

        return TransformResult.Keep(result);
    }

    /// <summary>The path of <paramref name="key"/> beside the matched key, the pattern's <c>*</c> replaced by what they matched.</summary>
    private static string Concrete(PathPattern path, ParentMatch parent, string key)
    {
        var segments = path.Text.Split('.');
        var capture = 0;
        for (var i = 0; i < segments.Length - 1; i++)
            if (segments[i] == PathPattern.Wildcard && capture < parent.Captures.Count)
                segments[i] = parent.Captures[capture++].Text;
        segments[^1] = key;
        return string.Join('.', segments);
    }

    private static void Rename(JsonObject obj, string oldKey, string newKey)
    {
        var properties = obj.ToArray();
        obj.Clear();
        foreach (var (key, value) in properties)
        {
            if (key == newKey)
                continue;
            obj[key == oldKey ? newKey : key] = value;
        }
    }
}
