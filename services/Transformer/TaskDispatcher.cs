using Microsoft.EntityFrameworkCore;
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

    /// <summary>Retries or replays: each entity as fetched through its route as configured now, taking the output made
    /// under the task's key (a <c>branches</c> step makes several). Sent whatever its fingerprint: it is asked for.
    /// One query finds the later tasks of all of them, one per route their key mappings.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> RedispatchAsync(TransformerDbContext db, IReadOnlyList<(TaskRecord Task, JsonObject Source)> tasks,
        DateTime now, CancellationToken cancellationToken)
    {
        var newer = await NewestLaterTasksAsync(db, tasks.Select(t => t.Task).ToList(), cancellationToken);
        var mappings = new Dictionary<string, IReadOnlyDictionary<string, KeyMappingRecord>>(StringComparer.Ordinal);
        foreach (var route in tasks.GroupBy(t => t.Task.Route, StringComparer.Ordinal).Where(g => integration.Routes.ContainsKey(g.Key)))
            mappings[route.Key] = await KeyMappingStore.LoadAsync(db, integration.Routes[route.Key].KeyMappingRoute, route.Select(t => t.Task.EntityKey).ToList(), cancellationToken);
        var commands = new List<OutboxRecord>();
        foreach (var (task, source) in tasks)
        {
            var later = newer.GetValueOrDefault((task.Route, task.EntityKey));
            if (Redispatch(task, source, later is not null && later.CreatedAt > task.CreatedAt ? later : null,
                    mappings.GetValueOrDefault(task.Route), now) is { } command)
                commands.Add(command);
        }
        return commands;
    }

    private sealed record LaterTask(string Route, string EntityKey, DateTime CreatedAt, Guid TaskId, Guid RunId);

    /// <summary>Per route and key, the newest task that sent (or is sending) the entity, or skipped it as unchanged.</summary>
    private static async Task<Dictionary<(string Route, string EntityKey), LaterTask>> NewestLaterTasksAsync(
        TransformerDbContext db, IReadOnlyList<TaskRecord> tasks, CancellationToken cancellationToken)
    {
        var keyed = tasks.Where(t => !EntityKey.IsMissing(t.EntityKey)).ToList();
        if (keyed.Count == 0) return [];
        var routes = keyed.Select(t => t.Route).Distinct().ToList();
        var keys = keyed.Select(t => t.EntityKey).Distinct().ToList();
        var since = keyed.Min(t => t.CreatedAt);
        var later = await db.Tasks.AsNoTracking()
            .Where(t => routes.Contains(t.Route) && keys.Contains(t.EntityKey) && t.CreatedAt > since
                && (t.Status == TaskState.Finished || t.Status == TaskState.Processing || t.Status == TaskState.Retrying
                    || t.Status == TaskState.Skipped && t.Reason == RouteSync.Unchanged))
            .Select(t => new LaterTask(t.Route, t.EntityKey, t.CreatedAt, t.TaskId, t.RunId))
            .ToListAsync(cancellationToken);
        return later.GroupBy(t => (t.Route, t.EntityKey)).ToDictionary(g => g.Key, g => g.MaxBy(t => t.CreatedAt)!);
    }

    private OutboxRecord? Redispatch(TaskRecord task, JsonObject source, LaterTask? newer,
        IReadOnlyDictionary<string, KeyMappingRecord>? mappings, DateTime now)
    {
        if (!integration.Routes.TryGetValue(task.Route, out var route))
        {
            task.UpdatedAt = now;
            task.NextAttemptAt = null;
            task.Status = TaskState.Failed;
            task.Reason = $"route '{task.Route}' is no longer in the integration";
            return null;
        }
        // A later run has sent (or is sending) this entity already: the old copy must not overwrite it.
        if (newer is not null)
        {
            task.UpdatedAt = now;
            task.NextAttemptAt = null;
            task.Status = TaskState.Skipped;
            task.Reason = $"superseded by task {newer.TaskId} of run {newer.RunId}, which sent this entity later";
            return null;
        }
        var sync = SyncFor(route, full: true);
        var sourceKey = EntityKey.Of(source, route.Key);
        var outcomes = sync.Transform((JsonObject)source.DeepClone(), sourceKey);
        // The output under the task's key; a failure before any branch is made is reported under the source's key.
        var outcome = outcomes.FirstOrDefault(o => o.Key == task.EntityKey);
        if (outcome is null && outcomes.FirstOrDefault(o => o.Key == sourceKey && o.Kind == RouteOutcomeKind.Failed) is { } failed)
            outcome = failed with { Key = task.EntityKey };
        // A delete of a branch output: the source is still reported deleted, under its own key.
        if (outcome is null && task.ParentKey == sourceKey && outcomes.FirstOrDefault(o => o.Key == sourceKey && o.Kind == RouteOutcomeKind.Deleted) is { } deleted)
            outcome = deleted with { Key = task.EntityKey };
        outcome ??= new RouteOutcome(task.EntityKey, RouteOutcomeKind.Skipped, Reason: "the route as configured now makes no entity under this key");
        return Dispatch(task, sync, outcome, mappings?.GetValueOrDefault(task.EntityKey), now);
    }
}
