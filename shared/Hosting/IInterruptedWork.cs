namespace Switchboard.Hosting;

/// <summary>Work a service keeps open in its state while messages for it are on the in-memory bus (tasks awaiting an
/// answer, runs awaiting pages). When the process holding those messages is gone, no one will close it: the service
/// fails it as interrupted.</summary>
public interface IInterruptedWork
{
    /// <summary>Fails the open work, logging what it failed. <paramref name="atStop"/>: this process is stopping and
    /// leaves it; otherwise an earlier process died and left it.</summary>
    Task FailOpenAsync(bool atStop, CancellationToken cancellationToken);
}
