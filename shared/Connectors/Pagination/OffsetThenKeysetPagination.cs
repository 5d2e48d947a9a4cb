using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary><c>offset</c>/<c>limit</c> pages sorted by id while the offset stays within the platform's window, then an
/// id cursor beyond it (<c>sort=id asc&amp;where=id &gt; "{lastId}"</c>), until a page shorter than the limit.
/// commercetools caps the offset at 10,000 and recommends exactly this for longer lists
/// (docs.commercetools.com/api/general-concepts#pagination). The cursor is carried in the page's query, so every
/// page can be fetched by a different message.</summary>
public sealed partial record OffsetThenKeysetPagination : IPaginationStyle
{
    public string OffsetParam { get; init; } = "offset";
    public string LimitParam { get; init; } = "limit";
    public int Limit { get; init; } = 500;
    /// <summary>The largest offset the platform accepts.</summary>
    public int MaxOffset { get; init; } = 10_000;
    /// <summary>Where the answer keeps its items and, optionally, the total (omitted with <c>withTotal=false</c>).</summary>
    public string ItemsPath { get; init; } = "results";
    public string TotalPath { get; init; } = "total";
    public string IdField { get; init; } = "id";
    public string SortParam { get; init; } = "sort";
    /// <summary>The sort the id cursor needs; set on the first page unless the incoming chose its own sort.</summary>
    public string KeysetSort { get; init; } = "id asc";
    public string FilterParam { get; init; } = "where";
    /// <summary>The cursor's filter; <c>{0}</c> is the last id of the previous page.</summary>
    public string KeysetFilter { get; init; } = "id > \"{0}\"";
    /// <summary>Further parameters of cursor pages (a total is useless there and costs the platform time).</summary>
    public IReadOnlyDictionary<string, string> KeysetQuery { get; init; } = new Dictionary<string, string> { ["withTotal"] = "false" };

    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery)
    {
        var query = new Dictionary<string, string>
        {
            [OffsetParam] = requestQuery.GetValueOrDefault(OffsetParam, "0"),
            [LimitParam] = requestQuery.GetValueOrDefault(LimitParam, Limit.ToString(CultureInfo.InvariantCulture)),
        };
        if (!requestQuery.ContainsKey(SortParam)) query[SortParam] = KeysetSort;
        return query;
    }

    public PageCursor? Next(PageResponse page)
    {
        var limit = Number(page.Query, LimitParam, Limit);
        if (page.ItemCount == 0 || page.ItemCount < limit) return null;
        var lastId = LastId(page);
        if (page.Cursor.Query.TryGetValue(FilterParam, out var cursorFilter))
            return Keyset(page, lastId, UserFilter(cursorFilter));

        var offset = Number(page.Query, OffsetParam, 0);
        var next = offset + page.ItemCount;
        if (page.IntAt(TotalPath) is { } total && next >= total) return null;
        if (next <= MaxOffset)
            return page.NextPage(new Dictionary<string, string>(page.Cursor.Query) { [OffsetParam] = next.ToString(CultureInfo.InvariantCulture) });
        if (page.Query.GetValueOrDefault(SortParam) != KeysetSort)
            throw new PaginationException(
                $"the list goes on past offset {MaxOffset}, the platform's limit, and only a list sorted by '{KeysetSort}' can continue by id; remove '{SortParam}' from the incoming's query");
        return Keyset(page, lastId, page.Query.GetValueOrDefault(FilterParam));
    }

    private PageCursor Keyset(PageResponse page, string lastId, string? userFilter)
    {
        var filter = string.Format(CultureInfo.InvariantCulture, KeysetFilter, lastId.Replace("\"", "\\\"", StringComparison.Ordinal));
        var query = new Dictionary<string, string>(page.Cursor.Query)
        {
            [OffsetParam] = "0",
            [SortParam] = KeysetSort,
            [FilterParam] = string.IsNullOrWhiteSpace(userFilter) ? filter : $"{filter} and ({userFilter})",
        };
        foreach (var (name, value) in KeysetQuery) query[name] = value;
        return page.NextPage(query);
    }

    /// <summary>The incoming's own filter inside a cursor filter this style wrote (<c>id &gt; "…" and (user filter)</c>).</summary>
    private string? UserFilter(string cursorFilter)
    {
        var idPattern = Regex.Escape(KeysetFilter).Replace(@"\{0}", @"(?:[^""\\]|\\.)*", StringComparison.Ordinal);
        var match = Regex.Match(cursorFilter, $"^{idPattern}(?: and \\((?<user>.*)\\))?$", RegexOptions.Singleline);
        return match.Success && match.Groups["user"].Success ? match.Groups["user"].Value : null;
    }

    private string LastId(PageResponse page) =>
        JsonPaths.Find(page.Body, ItemsPath) is JsonArray { Count: > 0 } items && items[^1]?[IdField] is JsonValue id
            ? id.ToString()
            : throw new PaginationException($"the last item of the page has no '{IdField}' to continue from");

    private static int Number(IReadOnlyDictionary<string, string> query, string name, int fallback) =>
        query.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
