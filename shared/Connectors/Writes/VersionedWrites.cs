using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Writes;

/// <summary>Writes to a platform with optimistic concurrency: every change of an existing object names the object's
/// version (in the body for updates, in the query for deletes). A version the entity does not carry is read first;
/// a stale one is refused with the current version (409), and the write is repeated once with it.</summary>
public sealed record VersionedWrites
{
    /// <summary>The version's key in an update body and in the object as fetched.</summary>
    public string VersionField { get; init; } = "version";
    /// <summary>The version's query parameter on deletes.</summary>
    public string VersionQuery { get; init; } = "version";
    public int ConflictStatus { get; init; } = 409;
    /// <summary>Where the refusal names its reason, and the reason that means "stale version": a conflict for any
    /// other reason is not repeated. Null repeats every conflict.</summary>
    public string? ConflictCodePath { get; init; }
    public string? ConflictCode { get; init; }
    /// <summary>Where the refusal of a stale version names the current one; when absent (or null) it is read again.</summary>
    public string? ConflictVersionPath { get; init; }
    /// <summary>The method updates are sent with whatever the outgoing says (commercetools: POST); null keeps it.</summary>
    public string? UpdateMethod { get; init; }

    public async Task<PublishResult> PublishAsync(ConnectorClient client, EntityRequest outgoing, string method, JsonObject document, CancellationToken cancellationToken)
    {
        var request = EntityPublisher.Resolve(client, outgoing, document);
        var id = request.NestedEntity is null ? request.ObjectId : request.NestedObjectId;
        var isDelete = method == "DELETE";
        if (id is null || method == "GET" || !isDelete && method is not ("POST" or "PUT" or "PATCH"))
            return await EntityPublisher.PublishAsync(client, outgoing, method, document, cancellationToken);

        var sent = isDelete ? method : UpdateMethod ?? method;
        var version = (isDelete ? Long(document["query"]?[VersionQuery]) : Long(document["payload"]?[VersionField]))
            ?? await CurrentVersionAsync(client, request, cancellationToken);
        try
        {
            return await EntityPublisher.PublishAsync(client, outgoing, sent, WithVersion(document, version, isDelete), cancellationToken);
        }
        catch (PlatformException ex) when (IsStaleVersion(ex))
        {
            // Another writer changed the object since its version was read: apply this change on top of theirs, once.
            var current = (ConflictVersionPath is null ? null : Long(JsonPaths.Find(ex.AnswerBody, ConflictVersionPath))) ?? await CurrentVersionAsync(client, request, cancellationToken);
            return await EntityPublisher.PublishAsync(client, outgoing, sent, WithVersion(document, current, isDelete), cancellationToken);
        }
    }

    private bool IsStaleVersion(PlatformException ex) =>
        ex.StatusCode == ConflictStatus &&
        (ConflictCode is null || ConflictCodePath is null || JsonPaths.Find(ex.AnswerBody, ConflictCodePath)?.ToString() == ConflictCode);

    private async Task<long> CurrentVersionAsync(ConnectorClient client, EntityRequest request, CancellationToken cancellationToken)
    {
        var page = await client.FetchAsync(request with { Query = new Dictionary<string, string>(), Pagination = false }, null, cancellationToken);
        return page.Entities.Count > 0 && Long(page.Entities[0][VersionField]) is { } version
            ? version
            : throw new PlatformException(new PlatformError
            {
                Messages = [$"the current object has no '{VersionField}' to write against"],
                Request = $"GET {client.Config.Name} {request.Entity} {request.ObjectId}",
            });
    }

    private JsonObject WithVersion(JsonObject document, long version, bool isDelete)
    {
        var copy = (JsonObject)document.DeepClone();
        if (isDelete)
        {
            if (copy["query"] is not JsonObject query) copy["query"] = query = new JsonObject();
            query[VersionQuery] = version;
        }
        else
        {
            if (copy["payload"] is not JsonObject payload) copy["payload"] = payload = new JsonObject();
            payload[VersionField] = version;
        }
        return copy;
    }

    private static long? Long(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var n) ? n : long.TryParse(value.ToString(), out var parsed) ? parsed : null
        : null;
}
