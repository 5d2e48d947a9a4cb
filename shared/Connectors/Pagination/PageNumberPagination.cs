using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary><c>page</c> and page-size parameters, with the total page count in the body.
/// Stops after the page whose number reaches the total, or on an empty page.</summary>
public sealed record PageNumberPagination(string PageParam, string SizeParam, int PageSize, string TotalPagesPath) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        new Dictionary<string, string>
        {
            [PageParam] = requestQuery.GetValueOrDefault(PageParam, "1"),
            [SizeParam] = requestQuery.GetValueOrDefault(SizeParam, PageSize.ToString()),
        };

    public PageCursor? Next(PageResponse page)
    {
        if (page.ItemCount == 0) return null;
        var current = int.Parse(page.Query.GetValueOrDefault(PageParam, "1"));
        var totalPages = page.IntAt(TotalPagesPath)
            ?? throw new PaginationException($"the answer has no total page count at '{TotalPagesPath}'");
        if (current >= totalPages) return null;
        return page.NextPage(new Dictionary<string, string>(page.Cursor.Query) { [PageParam] = (current + 1).ToString() });
    }
}
