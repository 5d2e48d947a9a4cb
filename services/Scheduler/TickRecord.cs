namespace Switchboard.Scheduler;

/// <summary>A schedule's tick that a Scheduler replica has claimed: the one whose insert of (incoming, instant)
/// succeeds starts the run, so a tick starts one run whatever the number of replicas.</summary>
public sealed class TickRecord
{
    public required string Incoming { get; set; }
    /// <summary>The cron occurrence in UTC, not the time a replica got to it: replicas agree on it.</summary>
    public DateTime ScheduledAt { get; set; }
    /// <summary>The run the claiming replica started.</summary>
    public Guid RunId { get; set; }
    public DateTime ClaimedAt { get; set; }
}
