using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

public sealed class EcwidTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_token_is_403_with_the_ecwid_error_body_and_query_token_is_accepted()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 3);
        using var anonymous = new HttpClient();
        var url = $"{sb.Server.Ecwid.BaseUri}/{sb.Server.Ecwid.StoreId}/products";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", "secret_wrong");
        using var wrong = await anonymous.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var body = await wrong.BodyAsync();
        Assert.Equal("INVALID_API_TOKEN", (string)body["errorCode"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["errorMessage"]));

        using var missing = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        using var viaQuery = await anonymous.GetAsync($"{url}?token={sb.Server.Ecwid.AccessToken}", Ct);
        Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);
    }

    [Fact]
    public async Task Pages_through_1000_products_with_offset_and_limit()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1000);
        var seen = new HashSet<long>();
        var offset = 0;
        var requests = 0;
        while (true)
        {
            var page = await (await sb.Ecwid.GetAsync($"products?offset={offset}&limit=100", Ct)).BodyAsync();
            requests++;
            Assert.Equal(1000, (int)page["total"]!);
            Assert.Equal(offset, (int)page["offset"]!);
            Assert.Equal(100, (int)page["limit"]!);
            var count = (int)page["count"]!;
            foreach (var p in page["items"]!.AsArray()) Assert.True(seen.Add((long)p!["id"]!));
            offset += count;
            if (offset >= (int)page["total"]!) break;
        }
        Assert.Equal(10, requests);
        Assert.Equal(1000, seen.Count);

        var capped = await (await sb.Ecwid.GetAsync("products?limit=500", Ct)).BodyAsync();
        Assert.Equal(100, (int)capped["limit"]!);
        var last = await (await sb.Ecwid.GetAsync("products?offset=950", Ct)).BodyAsync();
        Assert.Equal(50, (int)last["count"]!);
    }

    [Fact]
    public async Task Filters_by_keyword_sku_enabled_and_updatedFrom()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 100);
        var bySku = await (await sb.Ecwid.GetAsync("products?sku=SKU-0042", Ct)).BodyAsync();
        Assert.Equal("Product 0042", (string)bySku["items"]![0]!["name"]!);
        var keyword = await (await sb.Ecwid.GetAsync("products?keyword=Product%20001", Ct)).BodyAsync();
        Assert.Equal(10, (int)keyword["total"]!);
        var disabled = await (await sb.Ecwid.GetAsync("products?enabled=false", Ct)).BodyAsync();
        Assert.Equal(10, (int)disabled["total"]!);
        var from = new DateTimeOffset(2024, 2, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var recent = await (await sb.Ecwid.GetAsync($"products?updatedFrom={from}", Ct)).BodyAsync();
        var expected = sb.Server.Ecwid.Products.All.Count(p => (long)p["updateTimestamp"]! >= from);
        Assert.Equal(expected, (int)recent["total"]!);
    }

    [Fact]
    public async Task A_product_with_unlimited_stock_has_no_quantity_until_its_stock_is_tracked()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 0);
        using var created = await sb.Ecwid.PostAsync("products", Sandbox.Json("""{"name":"Gift card","sku":"GIFT-1","price":25,"unlimited":true}"""), Ct);
        var id = (long)(await created.BodyAsync())["id"]!;

        var unlimited = (JsonObject)(await (await sb.Ecwid.GetAsync($"products/{id}", Ct)).BodyAsync());
        Assert.True((bool)unlimited["unlimited"]!);
        Assert.True((bool)unlimited["inStock"]!);
        Assert.False(unlimited.ContainsKey("quantity"));

        using var tracked = await sb.Ecwid.PutAsync($"products/{id}", Sandbox.Json("""{"quantity":0}"""), Ct);
        var product = await (await sb.Ecwid.GetAsync($"products/{id}", Ct)).BodyAsync();
        Assert.False((bool)product["unlimited"]!);
        Assert.False((bool)product["inStock"]!);
        Assert.Equal(0, (int)product["quantity"]!);
    }

    [Fact]
    public async Task Seeded_orders_of_customers_carry_their_billing_and_shipping_person()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 20);
        var orders = (await (await sb.Ecwid.GetAsync("orders", Ct)).BodyAsync())["items"]!.AsArray();

        Assert.NotEmpty(orders);
        foreach (var order in orders)
        {
            var customer = await (await sb.Ecwid.GetAsync($"customers/{(long)order!["customerId"]!}", Ct)).BodyAsync();
            Assert.Equal((string)customer["email"]!, (string)order["email"]!);
            foreach (var person in new[] { "billingPerson", "shippingPerson" })
            {
                Assert.Equal(customer["billingPerson"]!.ToJsonString(), order[person]!.ToJsonString());
                foreach (var field in new[] { "name", "street", "city", "countryCode", "stateOrProvinceCode", "postalCode", "phone" })
                    Assert.False(string.IsNullOrEmpty((string?)order[person]![field]), $"{person}.{field}");
            }
        }
    }

    [Fact]
    public async Task Create_update_delete_product_and_its_combinations()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 3);
        using var created = await sb.Ecwid.PostAsync("products", Sandbox.Json("""{"name":"Tea","sku":"TEA-1","price":4.5,"quantity":10}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (long)(await created.BodyAsync())["id"]!;

        using var updated = await sb.Ecwid.PutAsync($"products/{id}", Sandbox.Json("""{"price":5}"""), Ct);
        Assert.Equal(1, (int)(await updated.BodyAsync())["updateCount"]!);
        var product = await (await sb.Ecwid.GetAsync($"products/{id}", Ct)).BodyAsync();
        Assert.Equal(5m, (decimal)product["price"]!);
        Assert.Equal("Tea", (string)product["name"]!);

        using var combination = await sb.Ecwid.PostAsync($"products/{id}/combinations",
            Sandbox.Json("""{"options":[{"name":"Size","value":"L"}],"sku":"TEA-1-L","quantity":3}"""), Ct);
        var combinationId = (long)(await combination.BodyAsync())["id"]!;
        using var combinations = await sb.Ecwid.GetAsync($"products/{id}/combinations", Ct);
        var array = Assert.IsType<JsonArray>(await combinations.BodyAsync());
        Assert.Equal(combinationId, (long)array.Single()!["id"]!);
        using var combinationUpdate = await sb.Ecwid.PutAsync($"products/{id}/combinations/{combinationId}", Sandbox.Json("""{"quantity":7}"""), Ct);
        Assert.Equal(1, (int)(await combinationUpdate.BodyAsync())["updateCount"]!);
        using var combinationDelete = await sb.Ecwid.DeleteAsync($"products/{id}/combinations/{combinationId}", Ct);
        Assert.Equal(1, (int)(await combinationDelete.BodyAsync())["deleteCount"]!);

        using var deleted = await sb.Ecwid.DeleteAsync($"products/{id}", Ct);
        Assert.Equal(1, (int)(await deleted.BodyAsync())["deleteCount"]!);
        using var gone = await sb.Ecwid.GetAsync($"products/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("PRODUCT_NOT_FOUND", (string)(await gone.BodyAsync())["errorCode"]!);
    }

    [Fact]
    public async Task Validation_errors_duplicates_content_type_and_malformed_json()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 3);
        using var noName = await sb.Ecwid.PostAsync("products", Sandbox.Json("""{"price":1}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var body = await noName.BodyAsync();
        Assert.NotNull(body["errorMessage"]);
        Assert.NotNull(body["errorCode"]);

        using var badPrice = await sb.Ecwid.PostAsync("products", Sandbox.Json("""{"name":"X","price":"cheap"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPrice.StatusCode);

        using var duplicate = await sb.Ecwid.PostAsync("products", Sandbox.Json("""{"name":"X","sku":"SKU-0001"}"""), Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("SKU_ALREADY_EXISTS", (string)(await duplicate.BodyAsync())["errorCode"]!);

        using var text = await sb.Ecwid.PostAsync("products", new StringContent("""{"name":"X"}""", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);

        using var malformed = await sb.Ecwid.PostAsync("products", Sandbox.Json("""{"name":"X" "sku":"Y"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.NotNull((await malformed.BodyAsync())["errorCode"]);

        using var unknown = await sb.Ecwid.PutAsync("products/1", Sandbox.Json("""{"price":1}"""), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Orders_are_addressed_by_number_or_id_and_customers_by_id()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 10);
        using var created = await sb.Ecwid.PostAsync("orders", Sandbox.Json("""
            {"email":"buyer@example.com","paymentStatus":"PAID","items":[{"name":"Tea","price":4.5,"quantity":2}]}
            """), Ct);
        var result = await created.BodyAsync();
        var number = (long)result["id"]!;
        var orderId = (string)result["orderid"]!;
        var byNumber = await (await sb.Ecwid.GetAsync($"orders/{number}", Ct)).BodyAsync();
        var byId = await (await sb.Ecwid.GetAsync($"orders/{orderId}", Ct)).BodyAsync();
        Assert.Equal(9m, (decimal)byNumber["total"]!);
        Assert.Equal(number, (long)byId["orderNumber"]!);
        var paid = await (await sb.Ecwid.GetAsync("orders?paymentStatus=PAID&email=buyer@example.com", Ct)).BodyAsync();
        Assert.Equal(1, (int)paid["total"]!);

        using var customer = await sb.Ecwid.PostAsync("customers", Sandbox.Json("""{"email":"new@example.com"}"""), Ct);
        var customerId = (long)(await customer.BodyAsync())["id"]!;
        using var again = await sb.Ecwid.PostAsync("customers", Sandbox.Json("""{"email":"new@example.com"}"""), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var deleted = await sb.Ecwid.DeleteAsync($"customers/{customerId}", Ct);
        Assert.Equal(1, (int)(await deleted.BodyAsync())["deleteCount"]!);

        var categories = await (await sb.Ecwid.GetAsync("categories", Ct)).BodyAsync();
        Assert.Equal(3, (int)categories["total"]!);
    }

    [Fact]
    public async Task Injected_429_carries_Retry_After_and_quota_exhaustion_is_429()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 1, rateLimits: true);
        sb.Server.Ecwid.Faults.RespondTooManyRequests(1);
        using var injected = await sb.Ecwid.GetAsync("products", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, injected.StatusCode);
        Assert.Equal("1", injected.Header("Retry-After"));
        Assert.Equal("RATE_LIMITED", (string)(await injected.BodyAsync())["errorCode"]!);

        sb.Server.Ecwid.RateLimit.Quota = 2;
        sb.Server.Ecwid.RateLimit.Window = TimeSpan.FromSeconds(3);
        sb.Server.Ecwid.ResetRateLimit();
        Assert.Equal(HttpStatusCode.OK, (await sb.Ecwid.GetAsync("products", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sb.Ecwid.GetAsync("products", Ct)).StatusCode);
        using var limited = await sb.Ecwid.GetAsync("products", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Header("Retry-After")), 1, 3);
    }
}
