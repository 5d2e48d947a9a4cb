using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>Routes a fetched page: for every route from its incoming, each entity becomes a task, is transformed,
/// and is sent to the target platform's publish queue — or is skipped or failed with the reason.</summary>
public sealed class EntitiesFetchedConsumer(
    Integration integration, RoutePipelines pipelines, QueueAddresses queues, IDbContextFactory<TransformerDbContext> contexts)
    : IConsumer<EntitiesFetched>
{
    public async Task Consume(ConsumeContext<EntitiesFetched> context)
    {
        var page = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        if (await db.RunPages.AnyAsync(p => p.RunId == page.RunId && p.PageNumber == page.PageNumber, context.CancellationToken))
        {
            await ResendUnfinished(context, db);
            return;
        }

        var now = DateTime.UtcNow;
        var outbox = new List<PublishEntity>();
        foreach (var route in integration.RoutesFrom(page.Incoming))
        {
            var outgoing = integration.Outgoing[route.To];
            var pipeline = pipelines.For(route.Name);
            foreach (var entity in page.Entities)
            {
                var key = EntityKey.Of(entity, route.Key);
                var task = new TaskRecord
                {
                    TaskId = NewId.NextGuid(), RunId = page.RunId, Route = route.Name, Incoming = page.Incoming,
                    PageNumber = page.PageNumber, EntityKey = key, CreatedAt = now, UpdatedAt = now,
                };
                db.Tasks.Add(task);
                try
                {
                    var result = pipeline.Apply(entity, key);
                    if (result.Entity is null)
                    {
                        task.Status = TaskState.Skipped;
                        task.Reason = result.SkipReason;
                        continue;
                    }
                    task.Status = TaskState.Processing;
                    outbox.Add(PublishCommand.For(page.RunId, task, route, outgoing, result.Entity));
                }
                catch (TransformException ex)
                {
                    task.Status = TaskState.Failed;
                    task.Reason = ex.Message;
                }
            }
        }
        db.RunPages.Add(new RunPageRecord { RunId = page.RunId, PageNumber = page.PageNumber, Incoming = page.Incoming, Entities = page.Entities.Count, HandledAt = now });
        // Tasks are on disk before their commands leave, so a fast answer always finds its task.
        await db.SaveChangesAsync(context.CancellationToken);
        await SendAll(context, outbox);
    }

    /// <summary>A page seen before: its tasks were recorded, but the commands may not have left before a crash.</summary>
    private async Task ResendUnfinished(ConsumeContext<EntitiesFetched> context, TransformerDbContext db)
    {
        var page = context.Message;
        var waiting = await db.Tasks.Where(t => t.RunId == page.RunId && t.PageNumber == page.PageNumber && t.Status == TaskState.Processing)
            .ToListAsync(context.CancellationToken);
        var outbox = new List<PublishEntity>();
        foreach (var task in waiting)
        {
            var route = integration.Routes[task.Route];
            var entity = page.Entities.FirstOrDefault(e => EntityKey.Of(e, route.Key) == task.EntityKey);
            if (entity is null) continue;
            var result = pipelines.For(route.Name).Apply(entity, task.EntityKey);
            if (result.Entity is not null)
                outbox.Add(PublishCommand.For(page.RunId, task, route, integration.Outgoing[route.To], result.Entity));
        }
        await SendAll(context, outbox);
    }

    private async Task SendAll(ConsumeContext context, List<PublishEntity> commands)
    {
        foreach (var group in commands.GroupBy(c => integration.Clients[c.Client].Platform))
        {
            var endpoint = await context.GetSendEndpoint(queues.Publish(group.Key));
            await endpoint.SendBatch(group, context.CancellationToken);
        }
    }
}
