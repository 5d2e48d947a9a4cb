using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>One marker per process on the in-memory bus (see <see cref="InMemoryHostMarker"/>), shared by every
/// service that keeps <see cref="IInterruptedWork"/>: at start (after migrations, before the bus), fails the work that
/// processes killed on this state folder left open; at stop (after the bus), the work this process leaves open. Either
/// only when no other in-memory process is using the folder, whose work may still be closed. Each module registers it
/// with <c>AddHostedService</c>, which adds it once however many do.</summary>
public sealed class InterruptedWorkRecovery(IEnumerable<IInterruptedWork> work, SwitchboardOptions options,
    ILogger<InterruptedWorkRecovery> logger) : IHostedService
{
    private InMemoryHostMarker? _marker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _marker = InMemoryHostMarker.Create(options.StateDirectory);
        try
        {
            await RecoverAbandonedAsync(options.StateDirectory, work, _marker, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not fail the work an earlier process left in flight; the next start tries again");
        }
    }

    /// <summary>When processes on the in-memory bus died on this state folder without stopping (their markers left)
    /// and none is running now, fails the work they left open and forgets them.</summary>
    public static async Task RecoverAbandonedAsync(string stateDirectory, IEnumerable<IInterruptedWork> work, InMemoryHostMarker? own,
        CancellationToken cancellationToken)
    {
        var survey = InMemoryHostMarker.Take(stateDirectory, own);
        if (survey.OthersAlive || survey.Abandoned.Count == 0) return;
        foreach (var service in work) await service.FailOpenAsync(atStop: false, cancellationToken);
        // Only once every service has failed its share: a marker gone too early would leave the rest open for ever.
        InMemoryHostMarker.Remove(survey.Abandoned);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_marker is null) return;
        try
        {
            if (InMemoryHostMarker.Take(options.StateDirectory, _marker).OthersAlive)
            {
                // Another process may still close its own work; the next lone start fails what is left.
                _marker.Abandon();
                return;
            }
            foreach (var service in work) await service.FailOpenAsync(atStop: true, cancellationToken);
            _marker.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not fail the work left in flight; the next start does");
            _marker.Abandon();
        }
    }
}
