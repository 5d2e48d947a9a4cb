namespace Switchboard.Transformation;

/// <summary>A transformer step's arguments cannot be used; <see cref="Problems"/> lists every mistake found.</summary>
public sealed class TransformerConfigException(IReadOnlyList<string> problems)
    : Exception(string.Join("; ", problems))
{
    public TransformerConfigException(string problem) : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
