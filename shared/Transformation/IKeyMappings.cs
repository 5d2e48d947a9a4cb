namespace Switchboard.Transformation;

/// <summary>The key-mapping store as transformers see it: which target id a source key was published as on a route.
/// The one kind of I/O a transformer may do (the <c>lookup</c> transformer).</summary>
public interface IKeyMappings
{
    /// <summary>The target id <paramref name="sourceKey"/> was published as on <paramref name="route"/>, or null.</summary>
    string? Find(string route, string sourceKey);
}

/// <summary>No mappings: for previews and tests that do not publish.</summary>
public sealed class NoKeyMappings : IKeyMappings
{
    public static readonly NoKeyMappings Instance = new();
    public string? Find(string route, string sourceKey) => null;
}
