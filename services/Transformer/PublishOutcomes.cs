using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Contracts;

namespace Switchboard.Transformer;

/// <summary>Records how a publish ended on its task and in the task's attempt history. A failure of a route that
/// retries makes the task <see cref="TaskState.Retrying"/> with the time of its next try (sent by
/// <see cref="RetrySweeper"/>); nothing waits in a consumer.</summary>
public sealed class PublishOutcomes(IDbContextFactory<TransformerDbContext> contexts, Integration integration, TimeProvider clock)
{
    /// <summary>False when the task was not in progress (a repeated answer): nothing is changed.</summary>
    public async Task<bool> FinishAsync(EntityPublished message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.TaskId == message.TaskId && t.Status == TaskState.Processing, cancellationToken);
        if (task is null) return false;
        // The mapping and the task's end in one commit: a run that has ended finds its mappings settled, and one
        // commit per answer instead of two is what a sync of many entities waits on.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await KeyMappingStore.RecordAsync(db, task, MappingRouteOf(task), message.TargetId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        task.Status = TaskState.Finished;
        task.TargetId = message.TargetId;
        task.Reason = null;
        task.Request = message.Request ?? task.Request;
        task.Response = message.ResponseSummary ?? $"HTTP {message.StatusCode}";
        task.UpdatedAt = now;
        db.Attempts.Add(new TaskAttemptRecord { TaskId = task.TaskId, Number = task.Attempts, Outcome = TaskState.Finished, EndedAt = now });
        return await SaveOnceAsync(db, transaction, cancellationToken);
    }

    /// <summary>The task's new status (<see cref="TaskState.Retrying"/> or <see cref="TaskState.Failed"/>), or null when
    /// the task was not in progress (a repeated answer): nothing is changed.</summary>
    public async Task<TaskState?> FailAsync(Guid taskId, string reason, string? request, string? response, CancellationToken cancellationToken,
        int? statusCode = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.TaskId == taskId && t.Status == TaskState.Processing, cancellationToken);
        if (task is null) return null;
        // With the task's end: a run that has ended finds its mappings settled.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StaleKeyMappings.DropIfGoneAsync(db, task, MappingRouteOf(task), statusCode, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var retry = integration.Routes.GetValueOrDefault(task.Route)?.Retry;
        TimeSpan? delay = retry is not null && task.Attempts < task.AttemptsAllowed ? retry.DelayAfter(task.Attempts) : null;
        task.Status = delay is null ? TaskState.Failed : TaskState.Retrying;
        task.NextAttemptAt = now + delay;
        task.Reason = reason;
        task.Request = request ?? task.Request;
        task.Response = response;
        task.UpdatedAt = now;
        db.Attempts.Add(new TaskAttemptRecord
        {
            TaskId = task.TaskId, Number = task.Attempts, Outcome = task.Status, Error = reason, EndedAt = now,
            RetryDelayMilliseconds = delay is { } d ? (long)d.TotalMilliseconds : null,
        });
        return await SaveOnceAsync(db, transaction, cancellationToken) ? task.Status : null;
    }

    /// <summary>The route the task's key mapping is kept under: its own, or the one its route shares (<c>keyMappingsOf</c>).</summary>
    private string MappingRouteOf(TaskRecord task) => integration.Routes.GetValueOrDefault(task.Route)?.KeyMappingRoute ?? task.Route;

    public static string Summary(PlatformError error) =>
        $"{(error.StatusCode is { } s ? $"HTTP {s}" : "no response")}: {string.Join("; ", error.Messages)}";

    private static async Task<bool> SaveOnceAsync(TransformerDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same answer, handled at the same moment elsewhere, got there first (and recorded the mapping).
            return false;
        }
    }
}
