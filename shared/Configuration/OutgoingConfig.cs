namespace Switchboard.Configuration;

/// <summary>A publisher: which entity to send to which client with which method.</summary>
/// <remarks>The request's path, query and payload come from those keys of each entity it is given; the fixed
/// <see cref="ObjectId"/>, <see cref="Path"/> and <see cref="Query"/> here are defaults the entity may override.</remarks>
public sealed record OutgoingConfig
{
    public required string Name { get; init; }
    public required string Client { get; init; }
    public required string Entity { get; init; }
    public required string Method { get; init; }
    public string? ObjectId { get; init; }
    public string? NestedEntity { get; init; }
    public string? NestedObjectId { get; init; }
    public IReadOnlyDictionary<string, string> Path { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
    public SourceLocation Location { get; init; } = SourceLocation.None;
    /// <summary>Create or update by the key mapping, instead of always <see cref="Method"/>; null when not declared.</summary>
    public UpsertConfig? Upsert { get; init; }
}
