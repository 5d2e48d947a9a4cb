using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Configuration;

namespace Switchboard.Transformation.Sync;

/// <summary>What a publish does to the target: sends with the outgoing's method, creates, updates or deletes.</summary>
public enum PublishOperation { Send, Create, Update, Delete }

/// <summary>The request one entity becomes: the operation, its method, and the document with the target id placed.</summary>
public sealed record PublishPlan(PublishOperation Operation, string Method, JsonObject Document)
{
    /// <summary>An outgoing with an upsert updates an entity whose key is mapped (the mapped id placed at its
    /// idPath) and creates one whose key is not; an outgoing without one always sends with its method.</summary>
    public static PublishPlan ForEntity(OutgoingConfig outgoing, JsonObject entity, string? mappedId)
    {
        if (outgoing.Upsert is not { } upsert)
            return new PublishPlan(PublishOperation.Send, outgoing.Method, entity);
        if (mappedId is null)
            return new PublishPlan(PublishOperation.Create, upsert.Create, entity);
        PlaceId(entity, upsert.IdPath, mappedId);
        return new PublishPlan(PublishOperation.Update, upsert.Update, entity);
    }

    /// <summary>The delete of the mapped target id; null when the key was never published (nothing to delete) or the
    /// outgoing cannot delete.</summary>
    /// <param name="address">The <c>path</c> values (JSON object) the object was last written with: a nested object's
    /// parent id, the entity path's placeholders. A delete has no transformed entity to take them from.</param>
    public static PublishPlan? ForDelete(OutgoingConfig outgoing, string? mappedId, string? address = null)
    {
        if (mappedId is null || outgoing.Upsert is not { Delete: { } method } upsert)
            return null;
        // A delete has no body: an id that updates carry in the payload is addressed as the object instead.
        var idPath = upsert.IdPath.StartsWith("payload.", StringComparison.Ordinal)
            ? outgoing.NestedEntity is null ? "path.objectId" : "path.nestedObjectId"
            : upsert.IdPath;
        var document = new JsonObject();
        if (address is not null && JsonNode.Parse(address) is JsonObject path)
            document["path"] = path;
        PlaceId(document, idPath, mappedId);
        return new PublishPlan(PublishOperation.Delete, method, document);
    }

    /// <summary>Sets the id at a dotted path, creating objects on the way. In a payload an id written as a whole
    /// number stays a number, as the target gave it.</summary>
    public static void PlaceId(JsonObject document, string idPath, string id)
    {
        var keys = idPath.Split('.');
        var parent = document;
        foreach (var key in keys[..^1])
        {
            if (parent[key] is not JsonObject child)
                parent[key] = child = new JsonObject();
            parent = child;
        }
        var asNumber = long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && keys[0] == "payload" && n.ToString(CultureInfo.InvariantCulture) == id;
        parent[keys[^1]] = asNumber ? JsonValue.Create(n) : JsonValue.Create(id);
    }
}
