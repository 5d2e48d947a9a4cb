namespace Switchboard.Configuration;

/// <summary>A subscriber: which entity to fetch from which client, and when.</summary>
public sealed record IncomingConfig
{
    public required string Name { get; init; }
    public required string Client { get; init; }
    public required string Entity { get; init; }
    public string? ObjectId { get; init; }
    public string? NestedEntity { get; init; }
    public string? NestedObjectId { get; init; }
    public IReadOnlyDictionary<string, string> Path { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
    public bool Pagination { get; init; } = true;
    /// <summary>Cron expression (five or six fields), or null for manual runs only.</summary>
    public string? Schedule { get; init; }
    /// <summary>IANA or Windows time zone id for the schedule; UTC when absent.</summary>
    public string? TimeZone { get; init; }
    /// <summary>The change cursor of an incremental incoming; null when every run fetches everything.</summary>
    public IncrementalConfig? Incremental { get; init; }
    /// <summary>Request-parameter transformers: applied to <c>{path, query}</c> (with <c>run.id</c>, <c>run.started</c>
    /// and <c>run.since</c>) before the first page is fetched.</summary>
    public IReadOnlyList<TransformerConfig> Transformers { get; init; } = [];
    /// <summary>The incoming whose runs this one follows: after each completed run of the parent, this incoming's
    /// <see cref="NestedEntity"/> is fetched under each entity that run fetched (the changed parents only, when the
    /// parent is incremental). Null for an incoming run on its own.</summary>
    public string? Parent { get; init; }
    /// <summary>Path of the parent entities' id, which becomes this incoming's <c>objectId</c>.</summary>
    public string ParentKey { get; init; } = "id";
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
