using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>Routes a fetched page: for every route from its incoming, each entity becomes a task, is transformed,
/// and is sent to the target platform's publish queue — or is skipped or failed with the reason.</summary>
public sealed class EntitiesFetchedConsumer(
    Integration integration, RoutePipelines pipelines, TaskOutbox outbox, IDbContextFactory<TransformerDbContext> contexts)
    : IConsumer<EntitiesFetched>
{
    public async Task Consume(ConsumeContext<EntitiesFetched> context)
    {
        var page = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        // A page seen before was routed in full: its unsent commands, if any, are in the outbox.
        if (await db.RunPages.AnyAsync(p => p.RunId == page.RunId && p.PageNumber == page.PageNumber, context.CancellationToken))
            return;

        var now = DateTime.UtcNow;
        var commands = new List<OutboxRecord>();
        foreach (var route in integration.RoutesFrom(page.Incoming))
        {
            var outgoing = integration.Outgoing[route.To];
            var platform = integration.Clients[outgoing.Client].Platform;
            var keys = page.Entities.Select(entity => EntityKey.Of(entity, route.Key)).ToList();
            var mappings = await KeyMappingStore.LoadAsync(db, route.Name, keys, context.CancellationToken);
            var sync = new RouteSync(route, outgoing, pipelines.For(route.Name), mappings, page.Full);
            for (var i = 0; i < page.Entities.Count; i++)
            {
                var task = TaskRecords.New(page, route, keys[i], now);
                db.Tasks.Add(task);
                try
                {
                    if (sync.Plan(page.Entities[i], task) is not { } plan)
                        continue;
                    task.Status = TaskState.Processing;
                    var command = PublishCommand.For(page.RunId, task, route, outgoing, plan.Document) with { Method = plan.Method };
                    commands.Add(TaskOutbox.Record(command, platform, now));
                }
                catch (TransformException ex)
                {
                    task.Status = TaskState.Failed;
                    task.Reason = ex.Message;
                }
            }
        }
        db.Outbox.AddRange(commands);
        db.RunPages.Add(TaskRecords.Page(page, now));
        // Tasks and their commands are saved together before anything is sent: a fast answer always finds its
        // task, and a crash before the send leaves the commands in the outbox.
        await db.SaveChangesAsync(context.CancellationToken);
        await outbox.SendAsync(commands, context.CancellationToken);
    }
}
