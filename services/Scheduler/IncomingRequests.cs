using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;
using Switchboard.Transformation;

namespace Switchboard.Scheduler;

/// <summary>What a run asks its platform for: the incoming's request, with the incremental <c>param</c> set to the
/// run's <c>since</c>, then reshaped by the incoming's request-parameter transformers.</summary>
/// <remarks>The transformers see <c>{path: {objectId, nestedObjectId, …placeholders}, query: {…}, run: {id, started,
/// since}}</c>; what they leave in <c>path</c> and <c>query</c> is the request. A value set to null removes the
/// parameter, so <c>{{run.since}}</c> on a first run (no watermark yet) asks for everything.</remarks>
public sealed class IncomingRequests(Integration integration, TransformerFactory factory)
{
    private readonly Dictionary<string, RoutePipeline> _pipelines = integration.Incoming.Values
        .Where(i => i.Transformers.Count > 0)
        .ToDictionary(i => i.Name, i => new RoutePipeline(i.Name, i.Transformers, factory));

    /// <summary>The first page's request. Throws <see cref="RequestTransformException"/> naming the step that failed.</summary>
    public EntityRequest For(IncomingConfig incoming, Guid runId, DateTime startedAt, DateTimeOffset? since)
    {
        var request = EntityRequests.From(incoming);
        if (since is { } time && incoming.Incremental is { Param: { } param } cursor)
        {
            var value = cursor.Format.Format(time, cursor.Field);
            // A predicate joins the incoming's own (commercetools where=…): both must hold.
            if (cursor.Format == SinceFormat.Where && request.Query.GetValueOrDefault(param) is { Length: > 0 } own)
                value = $"({own}) and {value}";
            request = request with { Query = new Dictionary<string, string>(request.Query) { [param] = value } };
        }
        if (!_pipelines.TryGetValue(incoming.Name, out var pipeline))
            return request;

        var document = new JsonObject
        {
            ["path"] = PathOf(request),
            ["query"] = ToObject(request.Query),
            ["run"] = new JsonObject
            {
                ["id"] = runId.ToString(),
                ["started"] = new DateTimeOffset(DateTime.SpecifyKind(startedAt, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["since"] = since is { } s && incoming.Incremental is { } c ? c.Format.FormatTime(s) : null,
            },
        };
        TransformResult result;
        try
        {
            result = pipeline.Apply(document, "request");
        }
        catch (TransformException ex)
        {
            throw new RequestTransformException($"incoming {incoming.Name}, transformer #{ex.Position + 1} ({ex.Kind}): {ex.InnerException?.Message}");
        }
        if (result.Entity is not { } transformed)
            throw new RequestTransformException($"incoming {incoming.Name}: the request transformers dropped the request ({result.SkipReason})");

        var path = Texts(incoming, transformed["path"], "path");
        var objectId = Take(path, "objectId");
        var nestedObjectId = Take(path, "nestedObjectId");
        return request with { ObjectId = objectId, NestedObjectId = nestedObjectId, Path = path, Query = Texts(incoming, transformed["query"], "query") };
    }

    private static JsonObject PathOf(EntityRequest request)
    {
        var path = ToObject(request.Path);
        if (request.ObjectId is not null) path["objectId"] = request.ObjectId;
        if (request.NestedObjectId is not null) path["nestedObjectId"] = request.NestedObjectId;
        return path;
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, string> values)
    {
        var result = new JsonObject();
        foreach (var (name, value) in values) result[name] = value;
        return result;
    }

    private static string? Take(Dictionary<string, string> values, string name) => values.Remove(name, out var value) ? value : null;

    private static Dictionary<string, string> Texts(IncomingConfig incoming, JsonNode? node, string section)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null) return values;
        if (node is not JsonObject map)
            throw new RequestTransformException($"incoming {incoming.Name}: the request transformers left '{section}' as {node.ToJsonString()}, not an object");
        foreach (var (name, value) in map)
        {
            switch (value)
            {
                case null:
                    continue; // null removes the parameter
                case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                    values[name] = text.GetValue<string>();
                    break;
                case JsonValue scalar:
                    values[name] = scalar.ToJsonString();
                    break;
                default:
                    throw new RequestTransformException($"incoming {incoming.Name}: {section}.{name} is {value.ToJsonString()}; a request parameter is a text, number or boolean");
            }
        }
        return values;
    }
}

/// <summary>An incoming's request transformers failed; the run fails with this message.</summary>
public sealed class RequestTransformException(string message) : Exception(message);
