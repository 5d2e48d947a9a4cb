using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;

namespace Switchboard.Connectors;

/// <summary>What the target store answered to a publish.</summary>
public sealed record PublishResult(int StatusCode, string? TargetId, JsonNode? Response)
{
    /// <summary>Method and URL of the (last) request sent, credentials redacted.</summary>
    public string? Request { get; init; }
}

/// <summary>Sends one entity as one request: the outgoing gives entity and method, the entity's own
/// <c>path</c>, <c>query</c> and <c>payload</c> keys give the rest (and override the outgoing's fixed values).</summary>
public static class EntityPublisher
{
    public static async Task<PublishResult> PublishAsync(this ConnectorClient client, EntityRequest outgoing, string method, JsonObject document, CancellationToken cancellationToken)
    {
        var request = Resolve(client, outgoing, document);
        var target = PageFetcher.Shape(client, () => client.Requests.Target(request));
        var payload = document["payload"]?.DeepClone();
        var query = request.Query;
        var addressedId = request.NestedEntity is null ? request.ObjectId : request.NestedObjectId;

        if (target.Batch is { } batch && method is not "GET")
        {
            // Entities written as arrays are addressed in the body (PUT) or the query (DELETE), never in the URL.
            if (payload is JsonObject single)
            {
                if (addressedId is not null && method == "PUT") single[batch.IdField] = long.TryParse(addressedId, out var n) ? JsonValue.Create(n) : JsonValue.Create(addressedId);
                payload = new JsonArray(single);
            }
            if (method == "DELETE" && addressedId is not null)
                query = new Dictionary<string, string>(query) { [batch.DeleteQuery] = addressedId };
            request = request.NestedEntity is null ? request with { ObjectId = null } : request with { NestedObjectId = null };
        }
        else if (method is "PUT" or "PATCH" or "DELETE" && addressedId is null && !target.Singleton)
            throw Refused(client, outgoing, method,
                $"{method} needs the id of the object to change: give path.{(outgoing.NestedEntity is null ? "objectId" : "nestedObjectId")} in the entity or objectId in the outgoing");

        var uri = PageFetcher.Shape(client, () => client.Requests.Build(request, query));
        var message = new HttpRequestMessage(new HttpMethod(method), uri);
        if (payload is not null && method is not ("GET" or "DELETE"))
            message.Content = target.Body == BodyFormat.Form ? PhpFormEncoding.Content(payload) : JsonContent.Create(payload);
        var answer = await client.SendAsync(message, cancellationToken);

        // A batch PUT without an id is an upsert that creates (BigCommerce category trees, variants): the new id is in the answer.
        var creates = method == "POST" || (method == "PUT" && target.Batch is not null && addressedId is null);
        var targetId = creates
            ? JsonPaths.Find(answer.Body, target.CreatedIdPath)?.ToString()
            : addressedId;
        return new PublishResult(answer.StatusCode, targetId, answer.Body) { Request = answer.Request };
    }

    /// <summary>The outgoing's request with the entity's own path parameters, ids and query laid over it.</summary>
    public static EntityRequest Resolve(ConnectorClient client, EntityRequest outgoing, JsonObject document)
    {
        var path = new Dictionary<string, string>(outgoing.Path);
        var query = new Dictionary<string, string>(outgoing.Query);
        Overlay(client, outgoing, document, "path", path);
        Overlay(client, outgoing, document, "query", query);
        var objectId = Take(path, "objectId") ?? outgoing.ObjectId;
        var nestedObjectId = Take(path, "nestedObjectId") ?? outgoing.NestedObjectId;
        return outgoing with { ObjectId = objectId, NestedObjectId = nestedObjectId, Path = path, Query = query };
    }

    private static void Overlay(ConnectorClient client, EntityRequest outgoing, JsonObject document, string key, Dictionary<string, string> into)
    {
        switch (document[key])
        {
            case null:
                return;
            case JsonObject values:
                foreach (var (name, value) in values)
                    if (value is not null) into[name] = value is JsonValue v ? v.ToString() : value.ToJsonString();
                return;
            default:
                throw Refused(client, outgoing, "?", $"the entity's '{key}' must be an object of names and values");
        }
    }

    private static string? Take(Dictionary<string, string> values, string key) =>
        values.Remove(key, out var value) ? value : null;

    private static PlatformException Refused(ConnectorClient client, EntityRequest outgoing, string method, string message) =>
        new(PlatformError.NotSent($"{method} {client.Config.Name} {outgoing.Entity}", message));
}
