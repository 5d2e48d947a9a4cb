using Cronos;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Scheduler;

/// <summary>Fires <see cref="RunIncoming"/> for every incoming with a <c>schedule</c>, at each cron occurrence.</summary>
public sealed class CronTrigger(Integration integration, QueueAddresses queues, ISendEndpointProvider send, TimeProvider clock, ILogger<CronTrigger> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(integration.Incoming.Values.Where(i => i.Schedule is not null).Select(i => RunOnSchedule(i, stoppingToken)));

    private async Task RunOnSchedule(IncomingConfig incoming, CancellationToken stoppingToken)
    {
        var cron = CronSchedule.Parse(incoming.Schedule!);
        var zone = incoming.TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(incoming.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (cron.GetNextOccurrence(now, zone) is not { } next) return;
            logger.LogInformation("{Incoming} runs next at {Next:u}", incoming.Name, next);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var endpoint = await send.GetSendEndpoint(queues.RunIncoming);
            await endpoint.Send(new RunIncoming { Incoming = incoming.Name, Trigger = "schedule" }, stoppingToken);
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
