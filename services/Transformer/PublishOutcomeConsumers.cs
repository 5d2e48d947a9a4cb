using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>Marks a task finished with the id the target gave the entity.</summary>
public sealed class EntityPublishedConsumer(PublishOutcomes outcomes, ILogger<EntityPublishedConsumer> logger)
    : IConsumer<EntityPublished>
{
    public async Task Consume(ConsumeContext<EntityPublished> context)
    {
        var message = context.Message;
        if (await outcomes.FinishAsync(message, context.CancellationToken))
            SwitchboardMetrics.EntityPublished(message.Route);
        else
            logger.LogWarning("Task {TaskId} of route {Route} was published but is not in progress here (a repeated answer, or another Transformer's task)", message.TaskId, message.Route);
    }
}

/// <summary>Fails the task with the platform's message, or schedules its next try when the route retries.</summary>
public sealed class EntityPublishFailedConsumer(PublishOutcomes outcomes) : IConsumer<EntityPublishFailed>
{
    public async Task Consume(ConsumeContext<EntityPublishFailed> context)
    {
        var status = await outcomes.FailAsync(context.Message.TaskId, context.Message.Error.ToString(), context.Message.Error.Request,
            PublishOutcomes.Summary(context.Message.Error), context.CancellationToken, context.Message.Error.StatusCode);
        FailureMetrics.Count(context.Message.Route, status);
    }
}

/// <summary>A publish that ended in a fault (an error no retry cured) fails its task with that error, so no task
/// waits for an answer that will never come.</summary>
public sealed class PublishEntityFaultConsumer(PublishOutcomes outcomes) : IConsumer<Fault<PublishEntity>>
{
    public async Task Consume(ConsumeContext<Fault<PublishEntity>> context)
    {
        var status = await outcomes.FailAsync(context.Message.Message.TaskId,
            $"the {context.Message.Message.Client} connector could not publish it: {TaskFailures.Describe(context.Message)}",
            null, null, context.CancellationToken);
        FailureMetrics.Count(context.Message.Message.Route, status);
    }
}

public static class TaskFailures
{
    public static string Describe(Fault fault) =>
        string.Join("; ", (fault.Exceptions ?? []).OfType<ExceptionInfo>().Select(e => $"{e.ExceptionType}: {e.Message}"));
}
