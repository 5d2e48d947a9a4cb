using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary><c>page</c> and page-size parameters, with the total item count (not the page count) in the body —
/// CS-Cart's <c>params.total_items</c>. Stops when page × page size reaches the total, or on an empty page.</summary>
/// <param name="PageSizePath">Where the answer states the page size it used, if anywhere: a platform that caps the
/// size must not end the list early because the requested size was larger.</param>
/// <remarks>Totals may arrive as strings (<c>"total_items": "64"</c>). An answer without a total (some lists have
/// none) is paged until a short or empty page.</remarks>
public sealed record TotalItemsPagination(string PageParam, string SizeParam, int PageSize, string TotalItemsPath, string? PageSizePath = null)
    : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        PageNumbers.First(requestQuery, PageParam, SizeParam, PageSize);

    public PageCursor? Next(PageResponse page)
    {
        if (page.ItemCount == 0) return null;
        var current = page.CurrentPage(PageParam);
        var reported = PageSizePath is null ? null : page.IntAt(PageSizePath);
        var size = reported is > 0 ? reported.Value : RequestedSize(page);
        var last = page.IntAt(TotalItemsPath) is { } total
            ? (long)current * size >= total
            : page.ItemCount < size;
        if (last) return null;
        return page.NextPageNumber(PageParam);
    }

    private int RequestedSize(PageResponse page)
    {
        var written = page.Query.GetValueOrDefault(SizeParam, PageSize.ToString());
        return int.TryParse(written, out var size) && size > 0
            ? size
            : throw new PaginationException($"the query's '{SizeParam}' must be a whole number above 0, not '{written}'");
    }
}
