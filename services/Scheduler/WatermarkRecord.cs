namespace Switchboard.Scheduler;

/// <summary>How far an incremental incoming has been synced: the newest change time of its completed runs.</summary>
public sealed class WatermarkRecord
{
    public required string Incoming { get; set; }
    public DateTimeOffset Value { get; set; }
    /// <summary>The run that last advanced it.</summary>
    public Guid RunId { get; set; }
    public DateTime UpdatedAt { get; set; }
}
