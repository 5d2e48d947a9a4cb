using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary>Page numbers without totals (BigCommerce v2): a page shorter than the page size, an empty page
/// or a 204 is the last.</summary>
public sealed record UntilEmptyPagination(string PageParam, string SizeParam, int PageSize) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        new Dictionary<string, string>
        {
            [PageParam] = requestQuery.GetValueOrDefault(PageParam, "1"),
            [SizeParam] = requestQuery.GetValueOrDefault(SizeParam, PageSize.ToString()),
        };

    public PageCursor? Next(PageResponse page)
    {
        var size = int.Parse(page.Query.GetValueOrDefault(SizeParam, PageSize.ToString()));
        if (page.StatusCode == 204 || page.ItemCount == 0 || page.ItemCount < size) return null;
        var current = int.Parse(page.Query.GetValueOrDefault(PageParam, "1"));
        return page.NextPage(new Dictionary<string, string>(page.Cursor.Query) { [PageParam] = (current + 1).ToString() });
    }
}
