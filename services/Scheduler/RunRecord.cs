namespace Switchboard.Scheduler;

public enum RunStatus { Running, Completed, Failed }

/// <summary>One execution of an incoming, as the Scheduler knows it.</summary>
public sealed class RunRecord
{
    public Guid RunId { get; set; }
    public required string Incoming { get; set; }
    public required string Trigger { get; set; }
    public RunStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Pages { get; set; }
    public int Entities { get; set; }
    public string? Error { get; set; }
    /// <summary>What an incremental run asked for: changes since this time (the watermark less the lookback); null
    /// for a full fetch.</summary>
    public DateTimeOffset? Since { get; set; }
    /// <summary>The newest change time among the run's entities, as the connector reported it.</summary>
    public DateTimeOffset? LatestChange { get; set; }
    /// <summary>The run of the parent incoming that started this one; null for a run triggered on its own.</summary>
    public Guid? ParentRunId { get; set; }
    /// <summary>The run ignores fingerprints (<c>switchboard run --full</c>), and so do the runs that follow it.</summary>
    public bool Full { get; set; }
}
