using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Where <c>set</c> writes: one dotted path (objects created on the way), or a pattern with <c>*</c>
/// (<c>items.*.enabled</c>), written in every container that exists.</summary>
internal sealed class TargetWriter
{
    private readonly TargetPath? _path;
    private readonly PathPattern? _pattern;

    private TargetWriter(TargetPath? path, PathPattern? pattern)
    {
        _path = path;
        _pattern = pattern;
    }

    public static TargetWriter? Parse(string text, TransformerBuildContext context)
    {
        if (!text.Split('.').Contains(PathPattern.Wildcard))
            return context.Target(text) is { } path ? new TargetWriter(path, null) : null;
        if (PathPattern.TryParse(text, out var pattern, out var error))
            return new TargetWriter(null, pattern);
        context.Problem(error);
        return null;
    }

    /// <summary>Writes a fresh value (from <paramref name="value"/>) at each place the target names.</summary>
    public void Write(JsonObject root, Func<JsonNode?> value)
    {
        if (_path is not null)
        {
            _path.Set(root, value());
            return;
        }

        foreach (var parent in _pattern!.Parents(root).ToArray())
            parent.Set(value());
    }
}
