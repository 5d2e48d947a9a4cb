using System.Globalization;
using System.Net;

namespace Switchboard.Sandbox.Tests;

/// <summary>Ecwid's deleted items history (<c>/products/deleted</c>, <c>/customers/deleted</c>, <c>/orders/deleted</c>):
/// what is deleted through the API is listed there with its id and deletion date, filtered by from_date / to_date and
/// paged like every Ecwid list.</summary>
public sealed class EcwidDeletedItemsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Objects_deleted_through_the_API_are_listed_with_their_id_and_deletion_date()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 4);
        var ecwid = sb.Server.Ecwid;
        Assert.Equal(0, (int)(await (await sb.Ecwid.GetAsync("products/deleted", Ct)).BodyAsync())["total"]!);
        var product = ecwid.Products.All[1]["id"]!.GetValue<long>();
        var customer = ecwid.Customers.All[0]["id"]!.GetValue<long>();
        var order = ecwid.Orders.All[0]["orderNumber"]!.GetValue<long>();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        (await sb.Ecwid.DeleteAsync($"products/{product}", Ct)).EnsureSuccessStatusCode();
        (await sb.Ecwid.DeleteAsync($"customers/{customer}", Ct)).EnsureSuccessStatusCode();
        (await sb.Ecwid.DeleteAsync($"orders/{order}", Ct)).EnsureSuccessStatusCode();
        // Removed from the emulator's store directly, not through the API: no deletion a real store would report.
        ecwid.Products.Remove(ecwid.Products.All[0]["id"]!.GetValue<long>());

        var products = await (await sb.Ecwid.GetAsync("products/deleted", Ct)).BodyAsync();
        Assert.Equal((1, 1, 0), ((int)products["total"]!, (int)products["count"]!, (int)products["offset"]!));
        var item = products["items"]!.AsArray().Single()!;
        Assert.Equal(product, (long)item["id"]!);
        var date = DateTimeOffset.ParseExact((string)item["date"]!, "yyyy-MM-dd HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
        Assert.InRange(date, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(customer, (long)(await (await sb.Ecwid.GetAsync("customers/deleted", Ct)).BodyAsync())["items"]![0]!["id"]!);
        Assert.Equal(order, (long)(await (await sb.Ecwid.GetAsync("orders/deleted", Ct)).BodyAsync())["items"]![0]!["id"]!);
    }

    [Theory]
    [InlineData("from_date=2000-01-01", 3)]
    [InlineData("from_date=2000-01-01 00:00:00 %2B0000&to_date=2000-01-02", 0)]
    [InlineData("to_date=2000-01-01 10:00:00", 0)]
    [InlineData("from_date={future}", 0)]
    [InlineData("from_date={past}&limit=2&offset=2", 3)]
    public async Task Filters_by_the_deletion_date_and_pages_with_offset_and_limit(string query, int total)
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 3);
        foreach (var product in sb.Server.Ecwid.Products.All)
            (await sb.Ecwid.DeleteAsync($"products/{product["id"]}", Ct)).EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        query = query.Replace("{future}", (now + 3600).ToString(CultureInfo.InvariantCulture))
            .Replace("{past}", (now - 3600).ToString(CultureInfo.InvariantCulture));

        var page = await (await sb.Ecwid.GetAsync($"products/deleted?{query}", Ct)).BodyAsync();

        Assert.Equal(total, (int)page["total"]!);
        Assert.Equal(query.Contains("offset=2", StringComparison.Ordinal) ? 1 : total, page["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_a_400()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1);

        using var response = await sb.Ecwid.GetAsync("products/deleted?from_date=soon", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("WRONG_PARAMETER", (string)(await response.BodyAsync())["errorCode"]!);
    }
}
