using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary>How a platform pages a list: the first page's parameters, and when there is a next page.</summary>
public interface IPaginationStyle
{
    /// <summary>Query parameters of the first page; <paramref name="requestQuery"/> is what the incoming already sets
    /// (a user's own page size wins over the default).</summary>
    IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery);

    /// <summary>The cursor of the page after <paramref name="page"/>, or null when it was the last.</summary>
    PageCursor? Next(PageResponse page);
}

/// <summary>The first page of a page-numbered list: page 1 (or the incoming's own) and the page size (the
/// incoming's own, else the style's default).</summary>
public static class PageNumbers
{
    public static IReadOnlyDictionary<string, string> First(IReadOnlyDictionary<string, string> requestQuery, string pageParam, string sizeParam, int pageSize) =>
        new Dictionary<string, string>
        {
            [pageParam] = requestQuery.GetValueOrDefault(pageParam, "1"),
            [sizeParam] = requestQuery.GetValueOrDefault(sizeParam, pageSize.ToString()),
        };
}

/// <summary>What a pagination style sees of one page's answer.</summary>
public sealed record PageResponse(
    PageCursor Cursor,
    int StatusCode,
    JsonNode? Body,
    int ItemCount,
    HttpResponseHeaders Headers,
    Uri RequestUri)
{
    /// <summary>The page's effective query: the incoming's parameters overlaid by the cursor's.</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public PageCursor NextPage(IReadOnlyDictionary<string, string> query, string? link = null) => new()
    {
        PageNumber = Cursor.PageNumber + 1,
        Query = query,
        Link = link,
        EntitiesSoFar = Cursor.EntitiesSoFar + ItemCount,
    };

    /// <summary>The page after this one in a page-numbered list.</summary>
    public PageCursor NextPageNumber(string pageParam) =>
        NextPage(new Dictionary<string, string>(Cursor.Query) { [pageParam] = (CurrentPage(pageParam) + 1).ToString() });

    public int CurrentPage(string pageParam) => int.Parse(Query.GetValueOrDefault(pageParam, "1"));

    public int? IntAt(string path) => JsonPaths.Find(Body, path) is JsonValue v && v.TryGetValue<long>(out var n)
        ? (int)n
        : JsonPaths.Find(Body, path) is JsonValue s && int.TryParse(s.ToString(), out var parsed) ? parsed : null;

    public string? StringAt(string path) => JsonPaths.Find(Body, path) is JsonValue v ? v.ToString() : null;
}
