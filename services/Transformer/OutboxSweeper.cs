using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Transformer;

/// <summary>Every few seconds, sends the publish commands a crashed process saved but never sent.</summary>
public sealed class OutboxSweeper(TaskOutbox outbox, ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await outbox.SendAbandonedAsync(stoppingToken) is > 0 and var sent)
                    logger.LogWarning("Sent {Count} publish commands left unsent by an earlier crash", sent);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not send the commands left in the outbox; trying again shortly");
            }
        }
    }
}
