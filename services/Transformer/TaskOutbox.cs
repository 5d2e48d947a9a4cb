using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>Sends the publish commands saved with their tasks and deletes them once sent.</summary>
public sealed class TaskOutbox(IDbContextFactory<TransformerDbContext> contexts, IBus bus, QueueAddresses queues, SwitchboardOptions options)
{
    /// <summary>Commands older than this are taken to be left behind by a crash and are sent again.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromSeconds(30);

    public static OutboxRecord Record(PublishEntity command, string platform, DateTime now) => new()
    {
        TaskId = command.TaskId, Platform = platform, Command = JsonSerializer.Serialize(command), CreatedAt = now,
    };

    public async Task SendAsync(IReadOnlyCollection<OutboxRecord> records, CancellationToken cancellationToken)
    {
        if (options.DryRun) return;
        foreach (var group in records.GroupBy(r => r.Platform))
        {
            var endpoint = await bus.GetSendEndpoint(queues.Publish(group.Key));
            await endpoint.SendBatch(group.Select(r => JsonSerializer.Deserialize<PublishEntity>(r.Command)!), cancellationToken);
        }
        var ids = records.Select(r => r.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Outbox.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Dates the records at their save, not at the start of the work that made them: a page that took long
    /// to transform must not look abandoned (and be sent twice) the moment it is saved.</summary>
    public static void StampSaved(IEnumerable<OutboxRecord> records)
    {
        var saved = DateTime.UtcNow;
        foreach (var record in records) record.CreatedAt = saved;
    }

    /// <summary>Sends what a crashed process saved but never sent; returns how many. A command whose task is no longer
    /// in progress was sent already (its answer came, or its task was failed as interrupted and is replayed on its own):
    /// it is dropped, not sent twice.</summary>
    public async Task<int> SendAbandonedAsync(CancellationToken cancellationToken)
    {
        if (options.DryRun) return 0;
        var before = DateTime.UtcNow - Abandoned;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Outbox.AsNoTracking().Where(r => r.CreatedAt < before).OrderBy(r => r.Id).Take(1000).ToListAsync(cancellationToken);
        if (records.Count == 0) return 0;
        var taskIds = records.Select(r => r.TaskId).Distinct().ToList();
        var inProgress = (await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.TaskId) && t.Status == TaskState.Processing)
            .Select(t => t.TaskId).ToListAsync(cancellationToken)).ToHashSet();
        var ended = records.Where(r => !inProgress.Contains(r.TaskId)).Select(r => r.Id).ToList();
        if (ended.Count > 0) await db.Outbox.Where(r => ended.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        var pending = records.Where(r => inProgress.Contains(r.TaskId)).ToList();
        if (pending.Count > 0) await SendAsync(pending, cancellationToken);
        return pending.Count;
    }
}
