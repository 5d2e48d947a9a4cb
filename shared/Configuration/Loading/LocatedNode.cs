namespace Switchboard.Configuration.Loading;

/// <summary>A YAML node that remembers where it was written, in the order it was written.</summary>
internal abstract record LocatedNode(SourceLocation Location)
{
    /// <summary>True when this node or one below it holds an environment reference that could not be resolved.</summary>
    public abstract bool ContainsUnresolved { get; }

    /// <summary>What kind of node this is, for error messages.</summary>
    public abstract string Description { get; }
}

/// <param name="Text">The scalar's text (after environment resolution, once resolved).</param>
/// <param name="IsPlain">Plain (unquoted) scalars may be numbers, booleans or null; quoted ones are always text.</param>
/// <param name="Unresolved">An environment reference in it could not be resolved; that error is already reported.</param>
/// <param name="Written">The text as written, when environment references were resolved in it.</param>
internal sealed record LocatedScalar(string Text, bool IsPlain, SourceLocation Location, bool Unresolved = false, string? Written = null)
    : LocatedNode(Location)
{
    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";
    public override bool ContainsUnresolved => Unresolved;

    // Errors quote what was written, never a resolved value: a misplaced ${TOKEN} must not print the token.
    public override string Description => IsNull ? "nothing" : $"'{Written ?? Text}'";
}

internal sealed record LocatedEntry(LocatedScalar Key, LocatedNode Value)
{
    public string Name => Key.Text;
}

internal sealed record LocatedMapping(IReadOnlyList<LocatedEntry> Entries, SourceLocation Location)
    : LocatedNode(Location)
{
    public override bool ContainsUnresolved => Entries.Any(e => e.Value.ContainsUnresolved);
    public override string Description => "a mapping";
}

internal sealed record LocatedSequence(IReadOnlyList<LocatedNode> Items, SourceLocation Location)
    : LocatedNode(Location)
{
    public override bool ContainsUnresolved => Items.Any(i => i.ContainsUnresolved);
    public override string Description => "a list";
}
