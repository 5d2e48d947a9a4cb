using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary><c>page</c> and page-size parameters, with the total page count in the body.
/// Stops after the page whose number reaches the total, or on an empty page.</summary>
public sealed record PageNumberPagination(string PageParam, string SizeParam, int PageSize, string TotalPagesPath) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        PageNumbers.First(requestQuery, PageParam, SizeParam, PageSize);

    public PageCursor? Next(PageResponse page)
    {
        if (page.ItemCount == 0) return null;
        var current = page.CurrentPage(PageParam);
        var totalPages = page.IntAt(TotalPagesPath)
            ?? throw new PaginationException($"the answer has no total page count at '{TotalPagesPath}'");
        if (current >= totalPages) return null;
        return page.NextPageNumber(PageParam);
    }
}
