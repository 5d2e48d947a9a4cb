using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Switchboard.Transformer;

/// <summary>Sends tasks again through their routes as configured now: retrying tasks whose time has come, and
/// failed tasks a user replays. A batch is one query for its tasks, one for the later tasks that supersede them,
/// one per route for their key mappings, and one save.</summary>
public sealed class TaskResender(IDbContextFactory<TransformerDbContext> contexts, TaskDispatcher dispatcher, TaskOutbox outbox, TimeProvider clock)
{
    public const int Batch = 200;

    /// <summary>Sends the retrying tasks that are due; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Tasks.Where(t => t.Status == TaskState.Retrying && t.NextAttemptAt <= now)
            .OrderBy(t => t.NextAttemptAt).Take(Batch).ToListAsync(cancellationToken);
        return await ResendAsync(db, due, now, cancellationToken);
    }

    /// <summary>Sends these failed tasks once more (one try each, however the route retries); returns the ids of
    /// those sent or ended again, leaving out any that is not failed (any more).</summary>
    public async Task<IReadOnlyList<Guid>> ReplayAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken)
    {
        var replayed = new List<Guid>();
        foreach (var chunk in taskIds.Chunk(Batch))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var failed = await db.Tasks.Where(t => chunk.Contains(t.TaskId) && t.Status == TaskState.Failed).ToListAsync(cancellationToken);
            foreach (var task in failed) task.AttemptsAllowed = task.Attempts + 1;
            await ResendAsync(db, failed, now, cancellationToken);
            replayed.AddRange(failed.Select(t => t.TaskId));
        }
        return replayed;
    }

    private async Task<int> ResendAsync(TransformerDbContext db, IReadOnlyList<TaskRecord> tasks, DateTime now, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0) return 0;
        var sendable = new List<(TaskRecord Task, JsonObject Source)>(tasks.Count);
        foreach (var task in tasks)
        {
            if (task.Source is null || JsonNode.Parse(task.Source) is not JsonObject source)
            {
                task.Status = TaskState.Failed;
                task.NextAttemptAt = null;
                task.Reason = "cannot be sent again: the entity as fetched was not kept";
                continue;
            }
            sendable.Add((task, source));
        }
        var commands = await dispatcher.RedispatchAsync(db, sendable, now, cancellationToken);
        TaskOutbox.StampSaved(commands);
        db.Outbox.AddRange(commands);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sweeper took these tasks first.
            return 0;
        }
        await outbox.SendAsync(commands, cancellationToken);
        return tasks.Count;
    }
}
