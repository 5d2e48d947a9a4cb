using System.Text.Json.Nodes;

namespace Switchboard.Contracts;

/// <summary>One page of entities an incoming fetched during a run.</summary>
public sealed record EntitiesFetched
{
    public required Guid RunId { get; init; }
    public required string Incoming { get; init; }
    public required string Client { get; init; }
    public required int PageNumber { get; init; }
    public required IReadOnlyList<JsonObject> Entities { get; init; }
    public bool IsLastPage { get; init; }
    /// <summary>The run ignores fingerprints: unchanged entities are sent again (see <see cref="RunIncoming.Full"/>).</summary>
    public bool Full { get; init; }
}

/// <summary>A run's fetching has ended, after its last page or on an error that stopped it.</summary>
public sealed record IncomingRunCompleted
{
    public required Guid RunId { get; init; }
    public required string Incoming { get; init; }
    /// <summary>The client it fetched from; empty in messages from versions before it was carried.</summary>
    public string Client { get; init; } = "";
    public required int Pages { get; init; }
    public required int Entities { get; init; }
    public bool Succeeded => Error is null;
    public PlatformError? Error { get; init; }
    /// <summary>The newest change time (<see cref="FetchEntities.ChangeField"/>) among the entities of the pages the run
    /// published; null when the incoming is not incremental or no entity had one. Published after the run's last page,
    /// so the Scheduler advances the incoming's watermark to it only when the run succeeded: every page is on the bus
    /// by then. A failed run reports it too, for its record, but must not move the watermark.</summary>
    public DateTimeOffset? LatestChange { get; init; }
    /// <summary>The ids of the run's entities (<see cref="FetchEntities.CollectIdsFrom"/>), for incomings that follow this
    /// one; empty when none does.</summary>
    public IReadOnlyList<string> EntityIds { get; init; } = [];
}

/// <summary>An entity reached the target store.</summary>
public sealed record EntityPublished
{
    public required Guid RunId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Route { get; init; }
    public required string Outgoing { get; init; }
    /// <summary>The client it was published through; empty in messages from versions before it was carried.</summary>
    public string Client { get; init; } = "";
    public required int StatusCode { get; init; }
    /// <summary>The id the target store gave the entity, when its answer names one.</summary>
    public string? TargetId { get; init; }
    public JsonNode? Response { get; init; }
    /// <summary>Method and URL of the request that published it, credentials redacted.</summary>
    public string? Request { get; init; }
    /// <summary>The start of the answer's body, credentials redacted, for the task's record.</summary>
    public string? ResponseSummary { get; init; }
}

/// <summary>The target store refused an entity, or could not be reached after every retry.</summary>
public sealed record EntityPublishFailed
{
    public required Guid RunId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Route { get; init; }
    public required string Outgoing { get; init; }
    /// <summary>The client that refused it, or that could not be reached; empty in messages from versions before it was carried.</summary>
    public string Client { get; init; } = "";
    public required PlatformError Error { get; init; }
}
