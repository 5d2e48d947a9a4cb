using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>On the in-memory bus, a publish in flight lives only in this process. At start (after migrations, before
/// the bus), fails the tasks that processes killed on this state folder left open; at stop (after the bus), fails
/// those this process leaves open. Either only when no other in-memory process is using the folder, whose tasks may
/// still be answered. Not on RabbitMQ: there the messages outlive the process and the answers still come.</summary>
public sealed class InterruptedTaskRecovery(IDbContextFactory<TransformerDbContext> contexts, SwitchboardOptions options,
    ILogger<InterruptedTaskRecovery> logger) : IHostedService
{
    private InMemoryHostMarker? _marker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _marker = InMemoryHostMarker.Create(options.StateDirectory);
        try
        {
            if (await InterruptedTasks.RecoverAbandonedAsync(options.StateDirectory, contexts, _marker, cancellationToken) is > 0 and var failed)
                logger.LogWarning("{Count} tasks were left in flight by a process that stopped without finishing; they are failed as interrupted (switchboard replay --failed sends them again)", failed);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not fail the tasks an earlier process left in flight; the next start tries again");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_marker is null) return;
        try
        {
            if (InMemoryHostMarker.Take(options.StateDirectory, _marker).OthersAlive)
            {
                // Another process may still answer its own tasks; the next lone start fails what is left.
                _marker.Abandon();
                return;
            }
            if (await InterruptedTasks.FailOpenAsync(contexts, cancellationToken) is > 0 and var failed)
                logger.LogWarning("Stopped with {Count} tasks in flight; they are failed as interrupted (switchboard replay --failed sends them again)", failed);
            _marker.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not fail the tasks left in flight; the next start does");
            _marker.Abandon();
        }
    }
}
