using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>Marks a task finished with the id the target gave the entity.</summary>
public sealed class EntityPublishedConsumer(IDbContextFactory<TransformerDbContext> contexts, ILogger<EntityPublishedConsumer> logger)
    : IConsumer<EntityPublished>
{
    public async Task Consume(ConsumeContext<EntityPublished> context)
    {
        var message = context.Message;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var changed = await db.Tasks.Where(t => t.TaskId == message.TaskId && t.Status == TaskState.Processing).ExecuteUpdateAsync(t => t
            .SetProperty(x => x.Status, TaskState.Finished)
            .SetProperty(x => x.TargetId, message.TargetId)
            .SetProperty(x => x.Reason, (string?)null)
            .SetProperty(x => x.UpdatedAt, DateTime.UtcNow), context.CancellationToken);
        SwitchboardMetrics.EntityPublished(message.Route);
        if (changed == 0)
            logger.LogWarning("Task {TaskId} of route {Route} was published but is not in progress here (a repeated answer, or another Transformer's task)", message.TaskId, message.Route);
    }
}

/// <summary>Marks a task failed with the platform's message.</summary>
public sealed class EntityPublishFailedConsumer(IDbContextFactory<TransformerDbContext> contexts) : IConsumer<EntityPublishFailed>
{
    public Task Consume(ConsumeContext<EntityPublishFailed> context)
    {
        SwitchboardMetrics.EntityFailed(context.Message.Route);
        return TaskFailures.FailAsync(contexts, context.Message.TaskId, context.Message.Error.ToString(), context.CancellationToken);
    }
}

/// <summary>A publish that ended in a fault (an error no retry cured) fails its task with that error, so no task
/// waits for an answer that will never come.</summary>
public sealed class PublishEntityFaultConsumer(IDbContextFactory<TransformerDbContext> contexts) : IConsumer<Fault<PublishEntity>>
{
    public Task Consume(ConsumeContext<Fault<PublishEntity>> context)
    {
        SwitchboardMetrics.EntityFailed(context.Message.Message.Route);
        return TaskFailures.FailAsync(contexts, context.Message.Message.TaskId,
            $"the {context.Message.Message.Client} connector could not publish it: {TaskFailures.Describe(context.Message)}", context.CancellationToken);
    }
}

public static class TaskFailures
{
    public static async Task FailAsync(IDbContextFactory<TransformerDbContext> contexts, Guid taskId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Tasks.Where(t => t.TaskId == taskId && t.Status == TaskState.Processing).ExecuteUpdateAsync(t => t
            .SetProperty(x => x.Status, TaskState.Failed)
            .SetProperty(x => x.Reason, reason)
            .SetProperty(x => x.UpdatedAt, DateTime.UtcNow), cancellationToken);
    }

    public static string Describe(Fault fault) =>
        string.Join("; ", (fault.Exceptions ?? []).OfType<ExceptionInfo>().Select(e => $"{e.ExceptionType}: {e.Message}"));
}
