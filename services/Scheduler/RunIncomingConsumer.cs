using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Scheduler;

/// <summary>Starts a run: records it, then asks the incoming's platform connector for the first page.</summary>
public sealed class RunIncomingConsumer(
    Integration integration, QueueAddresses queues, IDbContextFactory<SchedulerDbContext> contexts, ILogger<RunIncomingConsumer> logger)
    : IConsumer<RunIncoming>
{
    public async Task Consume(ConsumeContext<RunIncoming> context)
    {
        var message = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        if (await db.Runs.AnyAsync(r => r.RunId == message.RunId, context.CancellationToken))
            return; // a redelivered trigger: the run was started already

        var run = new RunRecord { RunId = message.RunId, Incoming = message.Incoming, Trigger = message.Trigger, StartedAt = DateTime.UtcNow };
        db.Runs.Add(run);
        if (!integration.Incoming.TryGetValue(message.Incoming, out var incoming))
        {
            run.Status = RunStatus.Failed;
            run.CompletedAt = DateTime.UtcNow;
            run.Error = $"incoming '{message.Incoming}' is not in the Scheduler's integration files";
            await db.SaveChangesAsync(context.CancellationToken);
            logger.LogWarning("Run {RunId}: {Error}", run.RunId, run.Error);
            return;
        }
        await db.SaveChangesAsync(context.CancellationToken);

        var platform = integration.Clients[incoming.Client].Platform;
        var endpoint = await context.GetSendEndpoint(queues.Fetch(platform));
        await endpoint.Send(new FetchEntities
        {
            RunId = run.RunId,
            Incoming = incoming.Name,
            Client = incoming.Client,
            Request = EntityRequests.From(incoming),
        }, context.CancellationToken);
        logger.LogInformation("Run {RunId} of {Incoming} started ({Trigger})", run.RunId, incoming.Name, message.Trigger);
    }
}
