using Cronos;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Scheduler;

/// <summary>Fires <see cref="RunIncoming"/> for every incoming with a <c>schedule</c>, at each cron occurrence; with
/// several Scheduler replicas on one database, only the replica that claims the tick fires it.</summary>
public sealed class CronTrigger(Integration integration, QueueAddresses queues, ISendEndpointProvider send, TickClaims claims, TimeProvider clock,
    ILogger<CronTrigger> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(integration.Incoming.Values.Where(i => i.Schedule is not null).Select(i => RunOnSchedule(i, stoppingToken)));

    /// <summary>Waits are taken a day at most at a time: Task.Delay cannot wait the months a yearly schedule needs.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private async Task RunOnSchedule(IncomingConfig incoming, CancellationToken stoppingToken)
    {
        var cron = CronSchedule.Parse(incoming.Schedule!);
        var zone = incoming.TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(incoming.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (cron.GetNextOccurrence(clock.GetUtcNow(), zone) is not { } next) return;
            logger.LogInformation("{Incoming} runs next at {Next:u}", incoming.Name, next);
            try
            {
                for (var wait = next - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = next - clock.GetUtcNow())
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, clock, stoppingToken);
                var run = new RunIncoming { Incoming = incoming.Name, Trigger = "schedule" };
                if (!await claims.TryClaimAsync(incoming.Name, next, run.RunId, stoppingToken))
                {
                    logger.LogInformation("{Incoming}: the run due at {Next:u} was started by another Scheduler replica", incoming.Name, next);
                    continue;
                }
                var endpoint = await send.GetSendEndpoint(queues.RunIncoming);
                await endpoint.Send(run, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One missed tick (the broker was away) must not stop this schedule or the others.
                logger.LogError(ex, "{Incoming}: the run due at {Next:u} could not be started", incoming.Name, next);
            }
        }
    }
}

/// <summary>Cron with optional seconds: five fields, or six with seconds first.</summary>
public static class CronSchedule
{
    public static CronExpression Parse(string expression) =>
        CronExpression.Parse(expression, expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
            ? CronFormat.IncludeSeconds
            : CronFormat.Standard);
}
