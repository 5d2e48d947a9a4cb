using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>Runs a task's source entity through its route as configured now: the task becomes skipped or failed
/// with the reason, or is in progress with the publish command to send (to be saved with it).</summary>
public sealed class TaskDispatcher(Integration integration, RoutePipelines pipelines, Hosting.SwitchboardOptions options)
{
    public OutboxRecord? Dispatch(TaskRecord task, JsonObject source, DateTime now)
    {
        task.UpdatedAt = now;
        task.NextAttemptAt = null;
        if (!integration.Routes.TryGetValue(task.Route, out var route))
        {
            task.Status = TaskState.Failed;
            task.Reason = $"route '{task.Route}' is no longer in the integration";
            return null;
        }
        var outgoing = integration.Outgoing[route.To];
        var platform = integration.Clients[outgoing.Client].Platform;
        try
        {
            // Transformers may change what they are given; the source stays as it was fetched.
            var result = pipelines.For(route.Name).Apply((JsonObject)source.DeepClone(), task.EntityKey);
            if (result.Entity is null)
            {
                task.Status = TaskState.Skipped;
                task.Reason = result.SkipReason;
                return null;
            }
            task.Status = TaskState.Processing;
            task.Attempts++;
            var command = PublishCommand.For(task.RunId, task, route, outgoing, result.Entity);
            if (options.DryRun)
            {
                // Nothing is sent: the command stays in this (throw-away) state for the caller to show.
                task.Status = TaskState.Skipped;
                task.Reason = DryRunReason;
            }
            return TaskOutbox.Record(command, platform, now);
        }
        catch (TransformException ex)
        {
            task.Status = TaskState.Failed;
            task.Reason = ex.Message;
            return null;
        }
    }

    public const string DryRunReason = "dry run: not published";
}
