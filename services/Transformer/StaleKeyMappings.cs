using Microsoft.EntityFrameworkCore;
using Switchboard.Transformation.Sync;

namespace Switchboard.Transformer;

/// <summary>An update or delete the target answers with 404 addressed an object that is gone from the target (deleted
/// there by hand, say): the mapping is dropped, so the next run creates the entity again instead of failing for ever.</summary>
public static class StaleKeyMappings
{
    /// <param name="mappingRoute">The route the task's key mapping is kept under.</param>
    public static async Task DropIfGoneAsync(TransformerDbContext db, TaskRecord task, string mappingRoute, int? statusCode, CancellationToken cancellationToken)
    {
        if (statusCode == 404 && task.Operation is PublishOperation.Update or PublishOperation.Delete)
            await db.KeyMappings.Where(m => m.Route == mappingRoute && m.SourceKey == task.EntityKey).ExecuteDeleteAsync(cancellationToken);
    }
}
