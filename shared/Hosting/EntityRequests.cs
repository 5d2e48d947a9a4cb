using Switchboard.Configuration;
using Switchboard.Contracts;

namespace Switchboard.Hosting;

/// <summary>The request an incoming or an outgoing describes, as it travels in commands.</summary>
public static class EntityRequests
{
    public static EntityRequest From(IncomingConfig incoming) => new()
    {
        Entity = incoming.Entity,
        ObjectId = incoming.ObjectId,
        NestedEntity = incoming.NestedEntity,
        NestedObjectId = incoming.NestedObjectId,
        Path = incoming.Path,
        Query = incoming.Query,
        Pagination = incoming.Pagination,
    };

    public static EntityRequest From(OutgoingConfig outgoing) => new()
    {
        Entity = outgoing.Entity,
        ObjectId = outgoing.ObjectId,
        NestedEntity = outgoing.NestedEntity,
        NestedObjectId = outgoing.NestedObjectId,
        Path = outgoing.Path,
        Query = outgoing.Query,
        Pagination = false,
    };
}
