using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary>Page numbers without totals (BigCommerce v2): an empty page, a 204, or a page shorter than the page
/// size the platform really served is the last.</summary>
/// <param name="MaxPageSize">The most the platform serves in a page whatever is asked: a page of 250 answering a
/// request for 500 is full, not the last.</param>
public sealed record UntilEmptyPagination(string PageParam, string SizeParam, int PageSize, int MaxPageSize) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        PageNumbers.First(requestQuery, PageParam, SizeParam, PageSize);

    public PageCursor? Next(PageResponse page)
    {
        var requested = int.TryParse(page.Query.GetValueOrDefault(SizeParam), out var size) ? size : PageSize;
        var served = Math.Min(requested, MaxPageSize);
        if (page.StatusCode == 204 || page.ItemCount == 0 || page.ItemCount < served) return null;
        return page.NextPageNumber(PageParam);
    }
}
