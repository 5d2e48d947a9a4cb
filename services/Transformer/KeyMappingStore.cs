using Microsoft.EntityFrameworkCore;
using Switchboard.Transformation;
using Switchboard.Transformation.Sync;

namespace Switchboard.Transformer;

/// <summary>The key-mapping store: source key → target id and fingerprint per route, kept in the Transformer's
/// database and changed only by successful publishes.</summary>
public sealed class KeyMappingStore(IDbContextFactory<TransformerDbContext> contexts) : IKeyMappings
{
    public string? Find(string route, string sourceKey)
    {
        using var db = contexts.CreateDbContext();
        return db.KeyMappings.AsNoTracking()
            .Where(m => m.Route == route && m.SourceKey == sourceKey)
            .Select(m => m.TargetId)
            .FirstOrDefault();
    }

    /// <summary>The mappings of <paramref name="sourceKeys"/> on one route, by source key.</summary>
    public static async Task<IReadOnlyDictionary<string, KeyMappingRecord>> LoadAsync(
        TransformerDbContext db, string route, IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
    {
        var keys = sourceKeys.Distinct().ToList();
        return await db.KeyMappings.AsNoTracking()
            .Where(m => m.Route == route && keys.Contains(m.SourceKey))
            .ToDictionaryAsync(m => m.SourceKey, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The mappings of everything the source entities <paramref name="sourceKeys"/> became on one route: under
    /// their own keys, and the outputs a <c>branches</c> step made of them.</summary>
    public static async Task<IReadOnlyList<KeyMappingRecord>> LoadOutputsOfAsync(
        TransformerDbContext db, string route, IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
    {
        var keys = sourceKeys.Distinct().ToList();
        return await db.KeyMappings.AsNoTracking()
            .Where(m => m.Route == route && (m.ParentKey == null && keys.Contains(m.SourceKey) || m.ParentKey != null && keys.Contains(m.ParentKey)))
            .OrderBy(m => m.SourceKey)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records what a finished task did to the target: a delete drops the mapping; anything else stores
    /// the target id (keeping the known one when the answer named none) and the fingerprint sent.</summary>
    /// <param name="mappingRoute">The route the mapping is kept under: the task's, or the one its route shares.</param>
    public static async Task RecordAsync(TransformerDbContext db, TaskRecord task, string mappingRoute, string? targetId, CancellationToken cancellationToken)
    {
        if (EntityKey.IsMissing(task.EntityKey))
            return;
        if (task.Operation == PublishOperation.Delete)
        {
            await db.KeyMappings.Where(m => m.Route == mappingRoute && m.SourceKey == task.EntityKey).ExecuteDeleteAsync(cancellationToken);
            return;
        }
        // One statement, so two answers for the same key at once cannot both insert.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO key_mappings ("Route", "SourceKey", "TargetId", "Fingerprint", "ParentKey", "TargetAddress", "UpdatedAt")
            VALUES ({mappingRoute}, {task.EntityKey}, {targetId}, {task.Fingerprint}, {task.ParentKey}, {task.TargetAddress}, {DateTime.UtcNow})
            ON CONFLICT ("Route", "SourceKey") DO UPDATE SET
                "TargetId" = COALESCE(excluded."TargetId", key_mappings."TargetId"),
                "Fingerprint" = excluded."Fingerprint",
                "ParentKey" = COALESCE(excluded."ParentKey", key_mappings."ParentKey"),
                "TargetAddress" = COALESCE(excluded."TargetAddress", key_mappings."TargetAddress"),
                "UpdatedAt" = excluded."UpdatedAt"
            """, cancellationToken);
    }
}
