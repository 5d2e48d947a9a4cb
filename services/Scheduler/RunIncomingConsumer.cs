using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Scheduler;

/// <summary>Starts a run: records it, then asks the incoming's platform connector for the first page.</summary>
public sealed class RunIncomingConsumer(
    Integration integration, QueueAddresses queues, IDbContextFactory<SchedulerDbContext> contexts, IncomingRequests requests,
    ILogger<RunIncomingConsumer> logger)
    : IConsumer<RunIncoming>
{
    public async Task Consume(ConsumeContext<RunIncoming> context)
    {
        var message = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var run = await db.Runs.FindAsync([message.RunId], context.CancellationToken);
        if (run is not null && run.Status != RunStatus.Running)
            return; // a redelivered trigger of a run that has ended
        // A redelivered trigger of a running run sends its first page again: the crash may have come before the
        // send. Pages are routed once per run and page, so a second fetch costs requests, never duplicates.
        if (run is null)
            db.Runs.Add(run = new RunRecord { RunId = message.RunId, Incoming = message.Incoming, Trigger = message.Trigger, StartedAt = DateTime.UtcNow, Full = message.Full });
        if (!integration.Incoming.TryGetValue(message.Incoming, out var incoming))
        {
            await FailAsync(db, run, $"incoming '{message.Incoming}' is not in the Scheduler's integration files", context.CancellationToken);
            return;
        }
        if (incoming.Parent is { } parent)
        {
            await FailAsync(db, run, $"incoming '{incoming.Name}' follows its parent '{parent}': it runs after each completed run of '{parent}', for that run's entities; run '{parent}'",
                context.CancellationToken);
            return;
        }
        // A redelivered trigger asks for what the first delivery asked for, though the watermark may have moved since.
        // A full run fetches everything, as a first run does; its completion still moves the watermark.
        if (db.Entry(run).State == EntityState.Added && !message.Full)
            run.Since = await Watermarks.SinceAsync(db, incoming, context.CancellationToken);
        EntityRequest request;
        try
        {
            request = requests.For(incoming, run.RunId, run.StartedAt, run.Since);
        }
        catch (RequestTransformException ex)
        {
            await FailAsync(db, run, ex.Message, context.CancellationToken);
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
            Request = request,
            ChangeField = incoming.Incremental?.Field,
            CollectIdsFrom = integration.ChildrenOf(incoming.Name).Select(c => c.ParentKey).FirstOrDefault(),
            Full = message.Full,
        }, context.CancellationToken);
        logger.LogInformation("Run {RunId} of {Incoming} started ({Trigger}){Since}", run.RunId, incoming.Name, message.Trigger,
            run.Since is { } since ? $", changes since {since:u}" : "");
    }

    private async Task FailAsync(SchedulerDbContext db, RunRecord run, string error, CancellationToken cancellationToken)
    {
        run.Status = RunStatus.Failed;
        run.CompletedAt = DateTime.UtcNow;
        run.Error = error;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Run {RunId}: {Error}", run.RunId, run.Error);
    }
}
