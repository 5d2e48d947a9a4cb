using Microsoft.EntityFrameworkCore;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>Tasks whose publish was in flight on the in-memory bus when its process stopped: no answer will ever come
/// for them, so they fail with a reason that says so, and a replay sends them again. Retrying tasks are not among
/// them: they wait in the database, not on the bus.</summary>
public static class InterruptedTasks
{
    public const string Reason =
        "interrupted: the process stopped before the target's answer arrived; the request may or may not have reached the target";

    /// <summary>Fails every new or processing task, with the attempt it was on, and drops its unsent publish command
    /// from the outbox (a replay sends it again; the outbox must not send it a second time). Only safe when no
    /// process can still deliver an answer for them.</summary>
    public static async Task<int> FailOpenAsync(IDbContextFactory<TransformerDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Tasks.Where(t => t.Status == TaskState.New || t.Status == TaskState.Processing).ToListAsync(cancellationToken);
        if (open.Count == 0) return 0;
        var now = DateTime.UtcNow;
        foreach (var task in open)
        {
            task.Status = TaskState.Failed;
            task.Reason = Reason;
            task.NextAttemptAt = null;
            task.UpdatedAt = now;
            if (task.Attempts > 0)
                db.Attempts.Add(new TaskAttemptRecord { TaskId = task.TaskId, Number = task.Attempts, Outcome = TaskState.Failed, Error = Reason, EndedAt = now });
        }
        var ids = open.Select(t => t.TaskId).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var chunk in ids.Chunk(500))
                await db.Outbox.Where(r => chunk.Contains(r.TaskId)).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var task in open) SwitchboardMetrics.EntityFailed(task.Route);
        return open.Count;
    }
}
