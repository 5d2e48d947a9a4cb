using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Transformation;
using Switchboard.Transformation.Sync;

namespace Switchboard.Transformer;

/// <summary>What one source entity becomes on a route before key mappings are consulted: deleted in the source, or
/// the outputs of the route's transformers (one, or several from <c>branches</c>), each published, skipped or failed.</summary>
public sealed record RouteOutcome(string Key, RouteOutcomeKind Kind, JsonObject? Entity = null, string? Reason = null);

public enum RouteOutcomeKind { Publish, Deleted, Skipped, Failed }

/// <summary>Turns one source entity on one route into what to publish — a create, an update of the mapped id, a
/// delete — or skips it (filtered, unchanged, deleted but never published). Two steps, so that the key mappings of a
/// whole page are read at once for the keys the transformers produced (a <c>branches</c> step makes new ones).</summary>
public sealed class RouteSync(RouteConfig route, OutgoingConfig outgoing, RoutePipeline pipeline, bool full)
{
    public const string Unchanged = "unchanged";
    public const string NeverPublished = "deleted in the source, and not mapped to a target object (never published, or deleted there already)";

    public RouteConfig Route => route;
    public OutgoingConfig Outgoing => outgoing;

    private readonly DeletedCondition? _deleted = route.Deleted is { } deleted ? new DeletedCondition(deleted.When) : null;
    private readonly EntityFingerprint? _fingerprint = route.Fingerprint.Enabled ? EntityFingerprint.For(route.Fingerprint) : null;

    /// <summary>Step 1: the source entity through <c>deleted.when</c> and the transformers.</summary>
    public IReadOnlyList<RouteOutcome> Transform(JsonObject source, string sourceKey)
    {
        try
        {
            if (_deleted?.IsMet(source) == true)
                return [new(sourceKey, RouteOutcomeKind.Deleted)];
        }
        catch (InvalidOperationException e)
        {
            return [new(sourceKey, RouteOutcomeKind.Failed, Reason: $"route {route.Name}, deleted.when ({_deleted!.Text}), entity {sourceKey}: {e.Message}")];
        }
        return pipeline.Run(source, sourceKey).Select(output =>
            output.Failed ? new RouteOutcome(output.Key, RouteOutcomeKind.Failed, Reason: output.Error!.Message)
            : output.Entity is null ? new RouteOutcome(output.Key, RouteOutcomeKind.Skipped, Reason: output.SkipReason)
            : new RouteOutcome(output.Key, RouteOutcomeKind.Publish, output.Entity)).ToList();
    }

    /// <summary>Step 2: the plan for an outcome given the mapping of its key, or null when the task is skipped or
    /// failed (its status and reason set).</summary>
    public PublishPlan? Plan(RouteOutcome outcome, TaskRecord task, KeyMappingRecord? mapping)
    {
        if (EntityKey.IsMissing(task.EntityKey)) mapping = null;
        switch (outcome.Kind)
        {
            case RouteOutcomeKind.Failed:
                task.Status = TaskState.Failed;
                task.Reason = outcome.Reason;
                return null;
            case RouteOutcomeKind.Skipped:
                return Skip(task, outcome.Reason);
            case RouteOutcomeKind.Deleted:
                var delete = PublishPlan.ForDelete(outgoing, mapping?.TargetId, mapping?.TargetAddress);
                if (delete is null)
                    return Skip(task, NeverPublished);
                if (NestedDeletes.MissingParent(outgoing, delete, mapping!.TargetId!) is { } missing)
                {
                    task.Status = TaskState.Failed;
                    task.Reason = $"route {route.Name}, entity {task.EntityKey}: {missing}";
                    return null;
                }
                task.Operation = delete.Operation;
                return delete;
        }

        var entity = outcome.Entity!;
        var fingerprint = EntityKey.IsMissing(task.EntityKey) ? null : _fingerprint?.Of(entity);
        if (!full && fingerprint is not null && mapping?.Fingerprint == fingerprint)
            return Skip(task, Unchanged);

        var plan = PublishPlan.ForEntity(outgoing, entity, mapping?.TargetId);
        task.Fingerprint = fingerprint;
        task.TargetAddress = (plan.Document["path"] as JsonObject)?.ToJsonString();
        task.Operation = plan.Operation;
        return plan;
    }

    private static PublishPlan? Skip(TaskRecord task, string? reason)
    {
        task.Status = TaskState.Skipped;
        task.Reason = reason;
        return null;
    }
}
