using System.Text.Json.Nodes;

namespace Switchboard.Contracts;

/// <summary>Asks the Scheduler to start a run of one incoming now (the manual trigger).</summary>
public sealed record RunIncoming
{
    public Guid RunId { get; init; } = Guid.NewGuid();
    public required string Incoming { get; init; }
    /// <summary>Who asked: "manual", "schedule", a user name.</summary>
    public string Trigger { get; init; } = "manual";
    /// <summary>Send every entity again, ignoring the fingerprints that skip unchanged ones (<c>switchboard run --full</c>).</summary>
    public bool Full { get; init; }
}

/// <summary>Asks a platform's connector to fetch one page of an incoming; the connector sends itself the next page.</summary>
public sealed record FetchEntities
{
    public required Guid RunId { get; init; }
    public required string Incoming { get; init; }
    public required string Client { get; init; }
    public required EntityRequest Request { get; init; }
    /// <summary>Null for the first page.</summary>
    public PageCursor? Cursor { get; init; }
    /// <summary>The run ignores fingerprints (see <see cref="RunIncoming.Full"/>); carried to every page.</summary>
    public bool Full { get; init; }
    /// <summary>Path of the entities' change time when the incoming is incremental: the connector reads it on every
    /// page, carries the newest value from page to page in <see cref="LatestChangeSoFar"/>, and reports it as
    /// <see cref="IncomingRunCompleted.LatestChange"/> once the last page has been published.</summary>
    public string? ChangeField { get; init; }
    /// <summary>The newest <see cref="ChangeField"/> value of the pages before this one.</summary>
    public DateTimeOffset? LatestChangeSoFar { get; init; }
    /// <summary>Path of the entities' id when other incomings follow this one (their <c>parent</c>): the connector
    /// collects the ids page by page in <see cref="IdsSoFar"/> and reports them as <see cref="IncomingRunCompleted.EntityIds"/>.</summary>
    public string? CollectIdsFrom { get; init; }
    public IReadOnlyList<string> IdsSoFar { get; init; } = [];
    /// <summary>A run over several objects (a nested entity under each changed parent): the objects still to fetch
    /// after <see cref="EntityRequest.ObjectId"/>'s last page. The connector moves on to each in turn.</summary>
    public IReadOnlyList<string> NextObjectIds { get; init; } = [];
    /// <summary>Pages and entities of the run's objects before the current one, so page numbers stay unique in the run.</summary>
    public int PagesBefore { get; init; }
    public int EntitiesBefore { get; init; }
}

/// <summary>Asks a platform's connector to send one entity to the target store as one request.</summary>
public sealed record PublishEntity
{
    public required Guid RunId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Route { get; init; }
    public required string Outgoing { get; init; }
    public required string Client { get; init; }
    /// <summary>The outgoing's request: entity, method and any fixed ids, path and query.</summary>
    public required EntityRequest Request { get; init; }
    public required string Method { get; init; }
    /// <summary>The transformed entity; its <c>path</c>, <c>query</c> and <c>payload</c> keys shape the request.</summary>
    public required JsonObject Document { get; init; }
    /// <summary>The source entity's key, for logs and errors.</summary>
    public string? EntityKey { get; init; }
}
