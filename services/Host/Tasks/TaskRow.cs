namespace Switchboard.Host.Tasks;

/// <summary>One task as <c>switchboard tasks</c> shows it, with the history of its publishes.</summary>
public sealed record TaskRow
{
    public required Guid TaskId { get; init; }
    public required Guid RunId { get; init; }
    public required string Route { get; init; }
    public required string EntityKey { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public DateTime? NextAttemptAt { get; init; }
    /// <summary>Why it was skipped, or its last error.</summary>
    public string? Reason { get; init; }
    public string? TargetId { get; init; }
    public string? Request { get; init; }
    public string? Response { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public IReadOnlyList<AttemptRow> History { get; init; } = [];
}

/// <summary>How one publish ended, and how long the task waited before the next.</summary>
public sealed record AttemptRow(int Attempt, string Outcome, DateTime EndedAt, long? RetryDelayMilliseconds, string? Error);
