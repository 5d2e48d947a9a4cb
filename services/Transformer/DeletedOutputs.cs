using System.Text.Json.Nodes;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>One source entity on a route and one entity it became: the unit a task is made of.</summary>
public sealed record RoutedEntity(JsonObject Source, string SourceKey, RouteOutcome Outcome)
{
    /// <summary>The source's key when the outcome is an output a <c>branches</c> step made of it; else null.</summary>
    public string? ParentKey => Outcome.Key == SourceKey ? null : SourceKey;
}

/// <summary>A source entity reported deleted deletes everything it became in the target: the object mapped under its
/// own key and, on a route with <c>branches</c>, every output made of it that was mapped — each as its own task. The
/// outputs are found by the parent key kept with their mappings, not by their keys' shape: a branch <c>key</c> (a
/// variant's SKU, say) need not start with the source's key.</summary>
public static class DeletedOutputs
{
    public static async Task<IReadOnlyList<RoutedEntity>> ExpandAsync(
        TransformerDbContext db, string route, IReadOnlyList<RoutedEntity> routed, CancellationToken cancellationToken)
    {
        var deleted = routed.Where(IsDeletedSource).Select(r => r.SourceKey).ToList();
        if (deleted.Count == 0)
            return routed;
        var outputs = (await KeyMappingStore.LoadOutputsOfAsync(db, route, deleted, cancellationToken))
            .ToLookup(m => m.ParentKey ?? m.SourceKey, StringComparer.Ordinal);
        return routed.SelectMany(r => IsDeletedSource(r) && outputs[r.SourceKey].Any()
            ? outputs[r.SourceKey].Select(m => r with { Outcome = r.Outcome with { Key = m.SourceKey } })
            : [r]).ToList();
    }

    private static bool IsDeletedSource(RoutedEntity routed) =>
        routed.Outcome.Kind == RouteOutcomeKind.Deleted && routed.Outcome.Key == routed.SourceKey && !EntityKey.IsMissing(routed.SourceKey);
}
