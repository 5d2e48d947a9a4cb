using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>A page the Transformer could not route (an error no retry cured) becomes failed tasks that say why,
/// so the run ends and the entities can be replayed, instead of vanishing into an error queue.</summary>
public sealed class EntitiesFetchedFaultConsumer(Integration integration, IDbContextFactory<TransformerDbContext> contexts)
    : IConsumer<Fault<EntitiesFetched>>
{
    public async Task Consume(ConsumeContext<Fault<EntitiesFetched>> context)
    {
        var page = context.Message.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        if (await db.RunPages.AnyAsync(p => p.RunId == page.RunId && p.PageNumber == page.PageNumber, context.CancellationToken))
            return;
        var now = DateTime.UtcNow;
        var reason = $"page {page.PageNumber} of {page.Incoming} could not be routed: {TaskFailures.Describe(context.Message)}";
        foreach (var route in integration.RoutesFrom(page.Incoming))
            foreach (var entity in page.Entities)
            {
                var task = TaskRecords.New(page, route, SafeKey(entity, route.Key), now, entity);
                task.Status = TaskState.Failed;
                task.Reason = reason;
                db.Tasks.Add(task);
            }
        db.RunPages.Add(TaskRecords.Page(page, now));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private static string SafeKey(System.Text.Json.Nodes.JsonObject entity, string key)
    {
        try
        {
            return EntityKey.Of(entity, key);
        }
        catch (TransformerConfigException)
        {
            return "?";
        }
    }
}
