namespace Switchboard.Configuration;

/// <summary>A place in an integration file: every configuration error names one.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("<none>", 0, 0);
    public override string ToString() => $"{File}:{Line}:{Column}";
}
