using Switchboard.Configuration;
using Switchboard.Transformation.Sync;

namespace Switchboard.Transformer;

/// <summary>A nested object (BigCommerce <c>catalog/products/{id}/variants</c>, Ecwid combinations) is deleted at its
/// parent's address, which the key mapping keeps since it was written. A mapping recorded before addresses were kept
/// has none: such a delete fails with the reason instead of reaching the platform without its parent.</summary>
public static class NestedDeletes
{
    public static string? MissingParent(OutgoingConfig outgoing, PublishPlan delete, string targetId)
    {
        if (outgoing.NestedEntity is null || outgoing.ObjectId is not null || outgoing.Path.ContainsKey("objectId")
            || delete.Document["path"]?["objectId"] is not null)
            return null;
        return $"cannot delete {outgoing.NestedEntity} {targetId} of {outgoing.Entity}: its key mapping holds no parent id "
            + "(path.objectId), having been recorded before Switchboard kept target addresses; delete it in the target by hand";
    }
}
