using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Connectors.Pagination;
using Switchboard.Contracts;

namespace Switchboard.Connectors;

/// <summary>One fetched page: its entities and, when the list goes on, the cursor of the next page.</summary>
public sealed record FetchedPage(int PageNumber, IReadOnlyList<JsonObject> Entities, PageCursor? Next);

/// <summary>Fetches exactly one page of an entity request, with the platform's pagination style and its guards.</summary>
public static class PageFetcher
{
    public static async Task<FetchedPage> FetchAsync(this ConnectorClient client, EntityRequest request, PageCursor? cursor, CancellationToken cancellationToken)
    {
        var target = Shape(client, () => client.Requests.Target(request));
        var isList = !target.Singleton && RequestBuilder.IsList(request);
        var paging = isList && request.Pagination ? target.Pagination : null;
        cursor ??= new PageCursor { PageNumber = 1, Query = paging?.FirstPage(request.Query) ?? new Dictionary<string, string>() };
        if (cursor.PageNumber > client.Platform.MaxPages)
            throw Failure(client, request, $"stopped at the page cap of {client.Platform.MaxPages} pages");

        var query = Merge(request.Query, cursor.Query);
        var uri = cursor.Link is { } link ? new Uri(link) : Shape(client, () => client.Requests.Build(request, query));
        var answer = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

        var items = isList ? Items(client, answer, target.ItemsPath) : Single(client, answer, target.ItemPath);
        if (paging is null) return new FetchedPage(cursor.PageNumber, items, null);

        var hash = Hash(items);
        if (items.Count > 0 && hash == cursor.PreviousPageHash)
            throw Failure(client, request, $"page {cursor.PageNumber} repeats page {cursor.PageNumber - 1}; stopping rather than looping");
        PageCursor? next;
        try
        {
            next = paging.Next(new PageResponse(cursor, answer.StatusCode, answer.Body, items.Count, answer.Headers, answer.RequestUri) { Query = query });
        }
        catch (PaginationException ex)
        {
            throw Failure(client, request, ex.Message, answer.StatusCode);
        }
        return new FetchedPage(cursor.PageNumber, items, next is null ? null : next with { PreviousPageHash = hash });
    }

    private static IReadOnlyList<JsonObject> Items(ConnectorClient client, PlatformAnswer answer, string path)
    {
        if (answer.StatusCode == 204 || answer.Body is null) return [];
        return JsonPaths.Find(answer.Body, path) switch
        {
            JsonArray array => array.Select((item, i) => item as JsonObject
                ?? throw Failure(client, answer, $"item {i} of the list is not an object")).Select(o => (JsonObject)o.DeepClone()).ToArray(),
            // Older CS-Cart (and PHP APIs generally) send a list as an object keyed by id: {"12": {…}, "15": {…}},
            // under a key or as the whole body (CS-Cart's users/{id}/usergroups).
            JsonObject keyed when keyed.All(p => p.Value is JsonObject) =>
                keyed.Select(p => (JsonObject)p.Value!.DeepClone()).ToArray(),
            null when path.Length > 0 => throw Failure(client, answer, $"the answer has no list at '{path}'"),
            _ => throw Failure(client, answer, $"the answer's '{(path.Length == 0 ? "body" : path)}' is not a list"),
        };
    }

    private static IReadOnlyList<JsonObject> Single(ConnectorClient client, PlatformAnswer answer, string path) =>
        JsonPaths.Find(answer.Body, path) is JsonObject item
            ? [(JsonObject)item.DeepClone()]
            : throw Failure(client, answer, $"the answer has no object at '{(path.Length == 0 ? "body" : path)}'");

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string>(first);
        foreach (var (key, value) in overrides) merged[key] = value;
        return merged;
    }

    private static string Hash(IReadOnlyList<JsonObject> items)
    {
        var text = new StringBuilder();
        foreach (var item in items) text.Append(item.ToJsonString());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    internal static T Shape<T>(ConnectorClient client, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (RequestShapeException ex)
        {
            throw new PlatformException(PlatformError.NotSent(client.Config.Name, ex.Message));
        }
    }

    private static PlatformException Failure(ConnectorClient client, EntityRequest request, string message, int? status = null) =>
        new(new PlatformError { StatusCode = status, Messages = [message], Request = $"GET {client.Config.Name} {request.Entity}" });

    private static PlatformException Failure(ConnectorClient client, PlatformAnswer answer, string message) =>
        new(new PlatformError { StatusCode = answer.StatusCode, Messages = [message], Request = answer.Request });
}
