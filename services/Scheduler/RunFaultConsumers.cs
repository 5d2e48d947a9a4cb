using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;

namespace Switchboard.Scheduler;

/// <summary>A fetch that ended in a fault (an error no retry cured) fails its run with that error, so the run ends
/// instead of waiting for pages that will never come.</summary>
public sealed class FetchEntitiesFaultConsumer(IDbContextFactory<SchedulerDbContext> contexts) : IConsumer<Fault<FetchEntities>>
{
    public Task Consume(ConsumeContext<Fault<FetchEntities>> context)
    {
        var fetch = context.Message.Message;
        var page = fetch.PagesBefore + (fetch.Cursor?.PageNumber ?? 1);
        return RunFailures.FailAsync(contexts, fetch.RunId, fetch.Incoming, page - 1, fetch.EntitiesBefore + (fetch.Cursor?.EntitiesSoFar ?? 0),
            $"page {page} could not be fetched: {Describe(context.Message)}", context.CancellationToken);
    }

    internal static string Describe(Fault fault) => string.Join("; ", (fault.Exceptions ?? []).OfType<ExceptionInfo>().Select(e => $"{e.ExceptionType}: {e.Message}"));
}

/// <summary>A trigger that could not start its run fails the run with the error.</summary>
public sealed class RunIncomingFaultConsumer(IDbContextFactory<SchedulerDbContext> contexts) : IConsumer<Fault<RunIncoming>>
{
    public Task Consume(ConsumeContext<Fault<RunIncoming>> context) =>
        RunFailures.FailAsync(contexts, context.Message.Message.RunId, context.Message.Message.Incoming, 0, 0,
            $"the run could not be started: {FetchEntitiesFaultConsumer.Describe(context.Message)}", context.CancellationToken);
}

internal static class RunFailures
{
    public static async Task FailAsync(IDbContextFactory<SchedulerDbContext> contexts, Guid runId, string incoming, int pages, int entities,
        string error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.FindAsync([runId], cancellationToken);
        if (run is null)
            db.Runs.Add(run = new RunRecord { RunId = runId, Incoming = incoming, Trigger = "unknown", StartedAt = DateTime.UtcNow });
        else if (run.Status != RunStatus.Running)
            return;
        run.Status = RunStatus.Failed;
        run.CompletedAt = DateTime.UtcNow;
        run.Pages = pages;
        run.Entities = entities;
        run.Error = error;
        await db.SaveChangesAsync(cancellationToken);
    }
}
