using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Transformation;
using Switchboard.Transformation.Sync;

namespace Switchboard.Transformer;

/// <summary>Turns one source entity on one route into what to publish — a create, an update of the mapped id, a
/// delete — or skips it (filtered, unchanged, deleted but never published), by the route's transformers and the key
/// mappings of the page.</summary>
public sealed class RouteSync(
    RouteConfig route, OutgoingConfig outgoing, RoutePipeline pipeline, IReadOnlyDictionary<string, KeyMappingRecord> mappings, bool full)
{
    public const string Unchanged = "unchanged";
    public const string NeverPublished = "deleted in the source, and never published to the target";

    private readonly DeletedCondition? _deleted = route.Deleted is { } deleted ? new DeletedCondition(deleted.When) : null;
    private readonly EntityFingerprint? _fingerprint = route.Fingerprint.Enabled ? EntityFingerprint.For(route.Fingerprint) : null;

    /// <summary>The plan for <paramref name="source"/>, or null when the task is skipped or failed (its status and reason set).
    /// Throws <see cref="TransformException"/> when a transformer fails.</summary>
    public PublishPlan? Plan(JsonObject source, TaskRecord task)
    {
        var mapping = task.EntityKey == EntityKey.Missing ? null : mappings.GetValueOrDefault(task.EntityKey);
        bool deleted;
        try
        {
            deleted = _deleted?.IsMet(source) == true;
        }
        catch (InvalidOperationException e)
        {
            task.Status = TaskState.Failed;
            task.Reason = $"route {route.Name}, deleted.when ({_deleted!.Text}), entity {task.EntityKey}: {e.Message}";
            return null;
        }
        if (deleted)
        {
            var delete = PublishPlan.ForDelete(outgoing, mapping?.TargetId);
            if (delete is null)
                return Skip(task, NeverPublished);
            task.Operation = delete.Operation;
            return delete;
        }

        var result = pipeline.Apply(source, task.EntityKey);
        if (result.Entity is null)
            return Skip(task, result.SkipReason);
        var fingerprint = task.EntityKey == EntityKey.Missing ? null : _fingerprint?.Of(result.Entity);
        if (!full && fingerprint is not null && mapping?.Fingerprint == fingerprint)
            return Skip(task, Unchanged);

        var plan = PublishPlan.ForEntity(outgoing, result.Entity, mapping?.TargetId);
        task.Fingerprint = fingerprint;
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
