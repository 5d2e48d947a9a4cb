namespace Switchboard.Transformation;

/// <summary><c>copy: { target: source, … }</c> — like <c>map</c>, but into the entity as it is.</summary>
internal sealed class CopyKind : ITransformerKind
{
    public string Name => "copy";

    public ITransformer? Build(TransformerBuildContext context) =>
        Mapping.ParseAll(context, Name) is { } mappings ? new CopyTransformer(mappings, []) : null;
}

/// <summary><c>move: { target: source, … }</c> — <c>copy</c>, then the sources are removed. Sources must be paths or
/// path patterns (a JMESPath expression has nothing to remove).</summary>
internal sealed class MoveKind : ITransformerKind
{
    public string Name => "move";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (Mapping.ParseAll(context, Name) is not { } mappings)
            return null;
        var removed = new List<PathPattern>();
        foreach (var mapping in mappings)
        {
            if (mapping.Source.RemovablePath is { } path)
                removed.Add(path);
            else
                context.Problem($"move '{mapping.Target.Text}': the source '{mapping.Source.Text}' must be a path (a JMESPath expression cannot be moved; use copy and remove)");
        }

        return new CopyTransformer(mappings, removed);
    }
}
