using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Pagination;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>The pagination strategies' stop conditions, each on the answer shapes platforms really give.</summary>
public sealed class PaginationTests
{
    private static PageResponse Page(IPaginationStyle style, PageCursor? cursor, string body, int items, int status = 200, string? linkHeader = null)
    {
        cursor ??= new PageCursor { PageNumber = 1, Query = style.FirstPage(new Dictionary<string, string>()) };
        using var response = new HttpResponseMessage();
        if (linkHeader is not null) response.Headers.TryAddWithoutValidation("Link", linkHeader);
        return new PageResponse(cursor, status, JsonNode.Parse(body), items, response.Headers, new Uri("https://shop.test/v3/catalog/products?page=1&limit=2"))
        {
            Query = cursor.Query,
        };
    }

    [Fact]
    public void Page_numbers_go_on_until_the_page_reaches_the_total_and_keep_the_last_page()
    {
        var style = new PageNumberPagination("page", "limit", 2, "meta.pagination.total_pages");
        var second = style.Next(Page(style, null, """{"meta":{"pagination":{"total_pages":2}}}""", 2));
        Assert.NotNull(second);
        Assert.Equal("2", second.Query["page"]);
        Assert.Equal(2, second.PageNumber);
        Assert.Null(style.Next(Page(style, second, """{"meta":{"pagination":{"total_pages":2}}}""", 1)));
    }

    [Fact]
    public void Page_numbers_without_a_total_stop_with_an_error_naming_the_missing_field()
    {
        var style = new PageNumberPagination("page", "limit", 2, "meta.pagination.total_pages");
        var error = Assert.Throws<PaginationException>(() => style.Next(Page(style, null, """{"data":[]}""", 2)));
        Assert.Contains("meta.pagination.total_pages", error.Message);
    }

    [Fact]
    public void Offsets_stop_when_offset_plus_count_reaches_the_total()
    {
        var style = new OffsetPagination("offset", "limit", 100, "total");
        var next = style.Next(Page(style, null, """{"total":150}""", 100));
        Assert.Equal("100", next!.Query["offset"]);
        Assert.Equal(100, next.EntitiesSoFar);
        Assert.Null(style.Next(Page(style, next, """{"total":150}""", 50)));
    }

    [Fact]
    public void Until_empty_goes_on_after_a_page_the_platform_capped_below_the_size_asked_for()
    {
        var style = new UntilEmptyPagination("page", "limit", PageSize: 250, MaxPageSize: 250);
        var asked500 = new PageCursor { PageNumber = 1, Query = new Dictionary<string, string> { ["page"] = "1", ["limit"] = "500" } };
        Assert.NotNull(style.Next(Page(style, asked500, "[]", 250)));
        Assert.Null(style.Next(Page(style, asked500, "[]", 249)));
    }

    [Fact]
    public void Until_empty_stops_on_a_short_page_and_on_204()
    {
        var style = new UntilEmptyPagination("page", "limit", 2, 2);
        Assert.NotNull(style.Next(Page(style, null, "[]", 2)));
        Assert.Null(style.Next(Page(style, null, "[]", 1)));
        Assert.Null(style.Next(Page(style, null, "[]", 0, status: 204)));
    }

    [Fact]
    public void Next_links_are_followed_from_the_body_or_the_Link_header_until_absent()
    {
        var body = new NextLinkPagination(BodyPath: "links.next");
        Assert.Equal("https://shop.test/v3/catalog/products?page=2&limit=2",
            body.Next(Page(body, null, """{"links":{"next":"?page=2&limit=2"}}""", 2))!.Link);
        Assert.Null(body.Next(Page(body, null, """{"links":{}}""", 2)));

        var header = new NextLinkPagination();
        Assert.Equal("https://shop.test/items?cursor=abc",
            header.Next(Page(header, null, "{}", 2, linkHeader: """<https://shop.test/items?cursor=abc>; rel="next", <https://shop.test/items>; rel="first" """))!.Link);
        Assert.Null(header.Next(Page(header, null, "{}", 2, linkHeader: """<https://shop.test/items>; rel="first" """)));
    }

    [Fact]
    public void Cursors_are_sent_back_until_the_platform_gives_none()
    {
        var style = new CursorPagination("cursor", "next_cursor");
        Assert.Equal("c2", style.Next(Page(style, null, """{"next_cursor":"c2"}""", 5))!.Query["cursor"]);
        Assert.Null(style.Next(Page(style, null, """{"next_cursor":""}""", 5)));
    }
}
