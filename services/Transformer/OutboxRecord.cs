namespace Switchboard.Transformer;

/// <summary>A publish command saved with its task, sent after the save, deleted once sent: a crash between the two
/// leaves the command here to be sent again, never lost.</summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    /// <summary>The target platform, whose publish queue the command goes to.</summary>
    public required string Platform { get; set; }
    /// <summary>The <see cref="Contracts.PublishEntity"/> as JSON.</summary>
    public required string Command { get; set; }
    public DateTime CreatedAt { get; set; }
}
