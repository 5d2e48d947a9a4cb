namespace Switchboard.Contracts;

/// <summary>What to ask a platform for: a catalog entity, optionally one object and a nested entity under it.</summary>
public sealed record EntityRequest
{
    public required string Entity { get; init; }
    public string? ObjectId { get; init; }
    public string? NestedEntity { get; init; }
    public string? NestedObjectId { get; init; }
    public IReadOnlyDictionary<string, string> Path { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
    public bool Pagination { get; init; } = true;
}
