using Switchboard.Contracts;

namespace Switchboard.Connectors.Pagination;

/// <summary>The platform names the next page: a link in the body (<see cref="BodyPath"/>) or an RFC 8288
/// <c>Link: &lt;…&gt;; rel="next"</c> header. No link, or an empty page, ends the list.</summary>
public sealed record NextLinkPagination(string? BodyPath = null, string? SizeParam = null, int PageSize = 0) : IPaginationStyle
{
    public IReadOnlyDictionary<string, string> FirstPage(IReadOnlyDictionary<string, string> requestQuery) =>
        SizeParam is null ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [SizeParam] = requestQuery.GetValueOrDefault(SizeParam, PageSize.ToString()) };

    public PageCursor? Next(PageResponse page)
    {
        if (page.ItemCount == 0) return null;
        var link = BodyPath is null ? LinkHeader.Next(page.Headers) : page.StringAt(BodyPath);
        if (string.IsNullOrWhiteSpace(link)) return null;
        // Relative links ("?page=3&limit=250") resolve against the request that produced them.
        var absolute = new Uri(page.RequestUri, link).ToString();
        return page.NextPage(page.Cursor.Query, absolute);
    }
}
