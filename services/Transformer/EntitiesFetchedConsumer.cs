using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>Routes a fetched page: for every route from its incoming, each entity becomes a task, is transformed,
/// and is sent to the target platform's publish queue — or is skipped or failed with the reason.</summary>
public sealed class EntitiesFetchedConsumer(
    Integration integration, TaskDispatcher dispatcher, TaskOutbox outbox, IDbContextFactory<TransformerDbContext> contexts)
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
            var sync = dispatcher.SyncFor(route, page.Full);
            // One task per entity leaving the route: a `branches` step makes several, each under its own key.
            var routed = page.Entities
                .Select(entity => (entity, key: EntityKey.Of(entity, route.Key)))
                .SelectMany(source => sync.Transform(source.entity, source.key).Select(outcome => new RoutedEntity(source.entity, source.key, outcome)))
                .ToList();
            var outcomes = await DeletedOutputs.ExpandAsync(db, route.KeyMappingRoute, routed, context.CancellationToken);
            var mappings = await KeyMappingStore.LoadAsync(db, route.KeyMappingRoute, outcomes.Select(o => o.Outcome.Key).ToList(), context.CancellationToken);
            foreach (var entity in outcomes)
            {
                var task = TaskRecords.New(page, route, entity.Outcome.Key, now, entity.Source);
                task.ParentKey = entity.ParentKey;
                db.Tasks.Add(task);
                if (dispatcher.Dispatch(task, sync, entity.Outcome, mappings.GetValueOrDefault(entity.Outcome.Key), now) is { } command)
                    commands.Add(command);
            }
        }
        TaskOutbox.StampSaved(commands);
        db.Outbox.AddRange(commands);
        db.RunPages.Add(TaskRecords.Page(page, now));
        // Tasks and their commands are saved together before anything is sent: a fast answer always finds its
        // task, and a crash before the send leaves the commands in the outbox.
        await db.SaveChangesAsync(context.CancellationToken);
        await outbox.SendAsync(commands, context.CancellationToken);
    }
}
