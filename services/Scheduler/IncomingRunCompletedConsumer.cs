using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;

namespace Switchboard.Scheduler;

/// <summary>Records the end of a run's fetching: its pages and entities, or the error that stopped it.</summary>
public sealed class IncomingRunCompletedConsumer(
    IDbContextFactory<SchedulerDbContext> contexts, ChildRuns children, RunSettlement settlement, ILogger<IncomingRunCompletedConsumer> logger)
    : IConsumer<IncomingRunCompleted>
{
    public async Task Consume(ConsumeContext<IncomingRunCompleted> context)
    {
        var message = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var run = await db.Runs.FindAsync([message.RunId], context.CancellationToken);
        if (run is null)
        {
            run = new RunRecord { RunId = message.RunId, Incoming = message.Incoming, Trigger = "unknown", StartedAt = DateTime.UtcNow };
            db.Runs.Add(run);
        }
        run.Status = message.Succeeded ? RunStatus.Completed : RunStatus.Failed;
        run.CompletedAt = DateTime.UtcNow;
        run.Pages = message.Pages;
        run.Entities = message.Entities;
        run.Error = message.Error?.ToString();
        run.LatestChange = message.LatestChange;
        // The child runs are saved with their parent's completion, so whoever watches the parent sees them at once.
        var childFetches = message.Succeeded ? await children.StartAsync(db, run, message.EntityIds, context.CancellationToken) : [];
        await db.SaveChangesAsync(context.CancellationToken);
        // Only a run that fetched every page, and whose child runs did too, moves the watermark: a failed run's
        // missing pages may hold older changes.
        if (message.Succeeded)
        {
            await settlement.SettleAsync(db, run, context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        await children.SendAsync(context, childFetches);
        if (message.Succeeded)
            logger.LogInformation("Run {RunId} of {Incoming} fetched {Entities} entities in {Pages} pages", run.RunId, run.Incoming, run.Entities, run.Pages);
        else
            logger.LogWarning("Run {RunId} of {Incoming} failed: {Error}", run.RunId, run.Incoming, run.Error);
    }
}
