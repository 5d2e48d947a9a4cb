using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary><c>offset</c> and <c>limit</c> parameters, with the total count in the body.
/// Stops when the next offset reaches the total, or on an empty page.</summary>
public sealed record OffsetPagination(string OffsetParam, string LimitParam, int Limit, string TotalPath) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        new Dictionary<string, string>
        {
            [OffsetParam] = requestQuery.GetValueOrDefault(OffsetParam, "0"),
            [LimitParam] = requestQuery.GetValueOrDefault(LimitParam, Limit.ToString()),
        };

    public PageCursor? Next(PageResponse page)
    {
        if (page.ItemCount == 0) return null;
        var offset = int.Parse(page.Query.GetValueOrDefault(OffsetParam, "0"));
        var total = page.IntAt(TotalPath)
            ?? throw new PaginationException($"the answer has no total count at '{TotalPath}'");
        var next = offset + page.ItemCount;
        if (next >= total) return null;
        return page.NextPage(new Dictionary<string, string>(page.Cursor.Query) { [OffsetParam] = next.ToString() });
    }
}
