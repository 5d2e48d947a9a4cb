using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>Turns tasks into publish commands through their route as configured now: a fetched entity's outcomes,
/// and a retried or replayed task's entity as fetched. The task becomes skipped or failed with the reason, or is in
/// progress with the command to send (to be saved with it).</summary>
public sealed class TaskDispatcher(Integration integration, RoutePipelines pipelines, Hosting.SwitchboardOptions options)
{
    public const string DryRunReason = "dry run: not published";

    public RouteSync SyncFor(RouteConfig route, bool full) =>
        new(route, integration.Outgoing[route.To], pipelines.For(route.Name), full);

    public OutboxRecord? Dispatch(TaskRecord task, RouteSync sync, RouteOutcome outcome, KeyMappingRecord? mapping, DateTime now)
    {
        task.UpdatedAt = now;
        task.NextAttemptAt = null;
        if (sync.Plan(outcome, task, mapping) is not { } plan)
            return null;
        task.Status = TaskState.Processing;
        task.Attempts++;
        var command = PublishCommand.For(task.RunId, task, sync.Route, sync.Outgoing, plan.Document) with { Method = plan.Method };
        if (options.DryRun)
        {
            // Nothing is sent: the command stays in this (throw-away) state for the caller to show.
            task.Status = TaskState.Skipped;
            task.Reason = DryRunReason;
        }
        return TaskOutbox.Record(command, integration.Clients[sync.Outgoing.Client].Platform, now);
    }

    /// <summary>A retry or replay: the entity as fetched through the route as configured now, taking the output made
    /// under the task's key (a <c>branches</c> step makes several). Sent whatever its fingerprint: it is asked for.</summary>
    public async Task<OutboxRecord?> RedispatchAsync(TransformerDbContext db, TaskRecord task, JsonObject source, DateTime now, CancellationToken cancellationToken)
    {
        if (!integration.Routes.TryGetValue(task.Route, out var route))
        {
            task.UpdatedAt = now;
            task.NextAttemptAt = null;
            task.Status = TaskState.Failed;
            task.Reason = $"route '{task.Route}' is no longer in the integration";
            return null;
        }
        var sync = SyncFor(route, full: true);
        var outcome = sync.Transform((JsonObject)source.DeepClone(), EntityKey.Of(source, route.Key)).FirstOrDefault(o => o.Key == task.EntityKey)
            ?? new RouteOutcome(task.EntityKey, RouteOutcomeKind.Skipped, Reason: "the route as configured now makes no entity under this key");
        var mappings = await KeyMappingStore.LoadAsync(db, task.Route, [task.EntityKey], cancellationToken);
        return Dispatch(task, sync, outcome, mappings.GetValueOrDefault(task.EntityKey), now);
    }
}
