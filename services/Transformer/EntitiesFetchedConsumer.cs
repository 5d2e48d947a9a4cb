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
            var pipeline = pipelines.For(route.Name);
            foreach (var entity in page.Entities)
            {
                // One task per entity leaving the route: a `branches` step makes several, each under its own key.
                foreach (var output in pipeline.Run(entity, EntityKey.Of(entity, route.Key)))
                {
                    var task = TaskRecords.New(page, route, output.Key, now);
                    db.Tasks.Add(task);
                    if (output.Failed)
                    {
                        task.Status = TaskState.Failed;
                        task.Reason = output.Error!.Message;
                        continue;
                    }

                    if (output.Entity is null)
                    {
                        task.Status = TaskState.Skipped;
                        task.Reason = output.SkipReason;
                        continue;
                    }

                    task.Status = TaskState.Processing;
                    commands.Add(TaskOutbox.Record(PublishCommand.For(page.RunId, task, route, outgoing, output.Entity), platform, now));
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
