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
}
