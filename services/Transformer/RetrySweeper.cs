using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;

namespace Switchboard.Transformer;

/// <summary>Sends retrying tasks again when their time has come: often enough for the shortest backoff of any
/// route, at most every second.</summary>
public sealed class RetrySweeper(TaskResender resender, Integration integration, TimeProvider clock, ILogger<RetrySweeper> logger)
    : BackgroundService
{
    public static TimeSpan IntervalFor(Integration integration)
    {
        var shortest = integration.Routes.Values.Select(r => r.Retry?.MinBackoff).Where(b => b is not null).Min() ?? TimeSpan.FromSeconds(1);
        return TimeSpan.FromMilliseconds(Math.Clamp(shortest.TotalMilliseconds, 20, 1000));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(IntervalFor(integration), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Several batches when many came due at once.
                while (await resender.SendDueAsync(stoppingToken) >= TaskResender.Batch) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not send the tasks due for another try; trying again shortly");
            }
        }
    }
}
