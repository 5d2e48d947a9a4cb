namespace Switchboard.Transformer;

/// <summary>How one publish of a task ended: the history behind its attempts, delays and last error.</summary>
public sealed class TaskAttemptRecord
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>1 for the first publish.</summary>
    public int Number { get; set; }
    /// <summary>Finished, Retrying (failed, to be sent again) or Failed (for good).</summary>
    public TaskState Outcome { get; set; }
    public string? Error { get; set; }
    /// <summary>The wait before the next try, when there is one.</summary>
    public long? RetryDelayMilliseconds { get; set; }
    public DateTime EndedAt { get; set; }
}
