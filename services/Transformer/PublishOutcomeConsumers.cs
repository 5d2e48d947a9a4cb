using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;

namespace Switchboard.Transformer;

/// <summary>Marks a task finished with the id the target gave the entity.</summary>
public sealed class EntityPublishedConsumer(IDbContextFactory<TransformerDbContext> contexts) : IConsumer<EntityPublished>
{
    public async Task Consume(ConsumeContext<EntityPublished> context)
    {
        var message = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        await db.Tasks.Where(t => t.TaskId == message.TaskId).ExecuteUpdateAsync(t => t
            .SetProperty(x => x.Status, TaskState.Finished)
            .SetProperty(x => x.TargetId, message.TargetId)
            .SetProperty(x => x.Reason, (string?)null)
            .SetProperty(x => x.UpdatedAt, DateTime.UtcNow), context.CancellationToken);
    }
}

/// <summary>Marks a task failed with the platform's message.</summary>
public sealed class EntityPublishFailedConsumer(IDbContextFactory<TransformerDbContext> contexts) : IConsumer<EntityPublishFailed>
{
    public async Task Consume(ConsumeContext<EntityPublishFailed> context)
    {
        var message = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        await db.Tasks.Where(t => t.TaskId == message.TaskId).ExecuteUpdateAsync(t => t
            .SetProperty(x => x.Status, TaskState.Failed)
            .SetProperty(x => x.Reason, message.Error.ToString())
            .SetProperty(x => x.UpdatedAt, DateTime.UtcNow), context.CancellationToken);
    }
}
