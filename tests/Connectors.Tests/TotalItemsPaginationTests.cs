using System.Text.Json.Nodes;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Pagination;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Page numbers ended by a total item count (CS-Cart's <c>params.total_items</c>), and HTTP Basic.</summary>
public sealed class TotalItemsPaginationTests
{
    private static readonly TotalItemsPagination Style = new("page", "items_per_page", 10, "params.total_items", "params.items_per_page");

    private static PageResponse Page(PageCursor? cursor, string body, int items)
    {
        cursor ??= new PageCursor { PageNumber = 1, Query = Style.FirstPage(new Dictionary<string, string>()) };
        using var response = new HttpResponseMessage();
        return new PageResponse(cursor, 200, JsonNode.Parse(body), items, response.Headers, new Uri("https://shop.test/api/2.0/orders?page=1"))
        {
            Query = cursor.Query,
        };
    }

    [Fact]
    public void A_total_sent_as_a_string_ends_the_list_at_the_page_that_reaches_it()
    {
        var second = Style.Next(Page(null, """{"params":{"page":1,"items_per_page":"10","total_items":"25"}}""", 10));
        Assert.Equal("2", second!.Query["page"]);
        var third = Style.Next(Page(second, """{"params":{"page":2,"items_per_page":"10","total_items":"25"}}""", 10));
        Assert.Equal("3", third!.Query["page"]);
        Assert.Null(Style.Next(Page(third, """{"params":{"page":3,"items_per_page":"10","total_items":"25"}}""", 5)));
    }

    [Fact]
    public void A_smaller_page_size_the_platform_reports_is_the_one_that_counts()
    {
        var cursor = new PageCursor { PageNumber = 1, Query = Style.FirstPage(new Dictionary<string, string> { ["items_per_page"] = "500" }) };
        var next = Style.Next(Page(cursor, """{"params":{"page":1,"items_per_page":"100","total_items":"250"}}""", 100));
        Assert.NotNull(next);
        Assert.Equal("500", next.Query["items_per_page"]);
    }

    [Fact]
    public void Without_a_total_a_short_page_is_the_last()
    {
        var next = Style.Next(Page(null, """{"params":[0]}""", 10));
        Assert.NotNull(next);
        Assert.Null(Style.Next(Page(next, """{"params":[0]}""", 3)));
    }

    [Fact]
    public void An_empty_page_is_the_last_whatever_the_total_says()
    {
        Assert.Null(Style.Next(Page(null, """{"params":{"total_items":"64"}}""", 0)));
    }

    [Fact]
    public async Task Basic_credentials_are_the_utf8_user_and_password_in_base64()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://shop.test/api/2.0/products");
        await new BasicAuthenticator("admin@example.com", "kéy:1").ApplyAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal("admin@example.com:kéy:1", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
    }
}
