namespace Switchboard.Transformer;

public enum TaskState { New, Processing, Finished, Skipped, Failed, Retrying }

/// <summary>One entity on one route in one run.</summary>
public sealed class TaskRecord
{
    public Guid TaskId { get; set; }
    public Guid RunId { get; set; }
    public required string Route { get; set; }
    public required string Incoming { get; set; }
    public int PageNumber { get; set; }
    public required string EntityKey { get; set; }
    public TaskState Status { get; set; }
    /// <summary>Why the task was skipped, or the error it failed with.</summary>
    public string? Reason { get; set; }
    public string? TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>What the publish does to the target (create, update, delete); null until planned.</summary>
    public Transformation.Sync.PublishOperation? Operation { get; set; }
    /// <summary>The fingerprint of the entity sent, stored in the key mapping once the publish succeeds.</summary>
    public string? Fingerprint { get; set; }
    /// <summary>The key of the source entity when the task's entity is an output a <c>branches</c> step made of it;
    /// null when the task's entity is the source entity itself. Kept in the key mapping.</summary>
    public string? ParentKey { get; set; }
    /// <summary>The <c>path</c> values (JSON) of the publish, kept in the key mapping so a delete addresses the same object.</summary>
    public string? TargetAddress { get; set; }
    /// <summary>The entity as fetched, before any transformer, so a retry or replay runs the route as configured then.</summary>
    public string? Source { get; set; }
    /// <summary>Publishes sent so far.</summary>
    public int Attempts { get; set; }
    /// <summary>Publishes this task may have before a failure is final (the route's retry attempts; a replay allows one more).</summary>
    public int AttemptsAllowed { get; set; } = 1;
    /// <summary>When a <see cref="TaskState.Retrying"/> task is sent again.</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>Method and URL of the last publish request, credentials redacted.</summary>
    public string? Request { get; set; }
    /// <summary>Status and start of the last answer (or the platform's error), credentials redacted.</summary>
    public string? Response { get; set; }
}

/// <summary>A page of a run the Transformer has handled, so a redelivered page is not routed twice.</summary>
public sealed class RunPageRecord
{
    public Guid RunId { get; set; }
    public int PageNumber { get; set; }
    public required string Incoming { get; set; }
    public int Entities { get; set; }
    public DateTime HandledAt { get; set; }
}
