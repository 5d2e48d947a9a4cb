using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary>An opaque token in the body names the next page and is sent back in <see cref="CursorParam"/>.
/// A missing or empty token, or an empty page, ends the list.</summary>
public sealed record CursorPagination(string CursorParam, string NextCursorPath, string? SizeParam = null, int PageSize = 0) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        SizeParam is null ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [SizeParam] = requestQuery.GetValueOrDefault(SizeParam, PageSize.ToString()) };

    public PageCursor? Next(PageResponse page)
    {
        if (page.ItemCount == 0) return null;
        var token = page.StringAt(NextCursorPath);
        if (string.IsNullOrEmpty(token)) return null;
        return page.NextPage(new Dictionary<string, string>(page.Cursor.Query) { [CursorParam] = token });
    }
}
