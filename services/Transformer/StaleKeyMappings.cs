using Microsoft.EntityFrameworkCore;
using Switchboard.Contracts;
using Switchboard.Transformation.Sync;

namespace Switchboard.Transformer;

/// <summary>An update or delete the target answers with 404 addressed an object that is gone from the target (deleted
/// there by hand, say): the mapping is dropped, so the next run creates the entity again instead of failing for ever.</summary>
public static class StaleKeyMappings
{
    public static async Task DropIfGoneAsync(IDbContextFactory<TransformerDbContext> contexts, EntityPublishFailed failure, CancellationToken cancellationToken)
    {
        if (failure.Error.StatusCode != 404)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == failure.TaskId, cancellationToken);
        if (task?.Operation is PublishOperation.Update or PublishOperation.Delete)
            await db.KeyMappings.Where(m => m.Route == task.Route && m.SourceKey == task.EntityKey).ExecuteDeleteAsync(cancellationToken);
    }
}
