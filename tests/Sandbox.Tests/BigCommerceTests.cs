using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

public sealed class BigCommerceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_or_missing_token_is_401_with_the_v3_error_body()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 3);
        using var anonymous = new HttpClient();
        var url = sb.Server.BigCommerce.BaseUri + "/v3/catalog/products";

        using var missing = await anonymous.GetAsync(url, Ct);
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Get, url);
        wrongRequest.Headers.Add("X-Auth-Token", "nope");
        using var wrong = await anonymous.SendAsync(wrongRequest, Ct);

        foreach (var response in new[] { missing, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.BodyAsync();
            Assert.Equal(401, (int)body["status"]!);
            Assert.Equal("Unauthorized", (string)body["title"]!);
            Assert.StartsWith("https://developer.bigcommerce.com/", (string)body["type"]!);
            Assert.IsType<JsonObject>(body["errors"]);
        }
        using var v2 = await anonymous.GetAsync(sb.Server.BigCommerce.BaseUri + "/v2/orders", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, v2.StatusCode);
        Assert.Equal(401, (int)(await v2.BodyAsync())[0]!["status"]!);
    }

    [Fact]
    public async Task Pages_through_1000_products_with_totals_and_links()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1000);
        var seen = new HashSet<long>();
        var page = 1;
        JsonNode? pagination = null;
        while (true)
        {
            using var response = await sb.BigCommerce.GetAsync($"v3/catalog/products?page={page}&limit=250", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.BodyAsync();
            pagination = body["meta"]!["pagination"]!;
            Assert.Equal(1000, (int)pagination["total"]!);
            Assert.Equal(250, (int)pagination["per_page"]!);
            Assert.Equal(4, (int)pagination["total_pages"]!);
            Assert.Equal(page, (int)pagination["current_page"]!);
            foreach (var p in body["data"]!.AsArray()) Assert.True(seen.Add((long)p!["id"]!));
            var links = pagination["links"]!.AsObject();
            Assert.Equal(page > 1, links.ContainsKey("previous"));
            Assert.Equal($"?page={page}&limit=250", (string)links["current"]!);
            if (!links.ContainsKey("next")) break;
            Assert.Equal($"?page={page + 1}&limit=250", (string)links["next"]!);
            page++;
        }
        Assert.Equal(4, page);
        Assert.Equal(1000, seen.Count);
        Assert.Equal(250, (int)pagination["count"]!);
    }

    [Fact]
    public async Task Default_limit_is_50_and_limits_above_250_are_capped()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 300);
        var first = await (await sb.BigCommerce.GetAsync("v3/catalog/products", Ct)).BodyAsync();
        Assert.Equal(50, first["data"]!.AsArray().Count);
        Assert.Equal(6, (int)first["meta"]!["pagination"]!["total_pages"]!);
        var capped = await (await sb.BigCommerce.GetAsync("v3/catalog/products?limit=1000", Ct)).BodyAsync();
        Assert.Equal(250, (int)capped["meta"]!["pagination"]!["per_page"]!);
        var beyond = await (await sb.BigCommerce.GetAsync("v3/catalog/products?page=99", Ct)).BodyAsync();
        Assert.Empty(beyond["data"]!.AsArray());
    }

    [Fact]
    public async Task Filters_and_include_variants()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 100);
        var byIds = await (await sb.BigCommerce.GetAsync("v3/catalog/products?id:in=3,5,7&include=variants", Ct)).BodyAsync();
        var data = byIds["data"]!.AsArray();
        Assert.Equal([3L, 5L, 7L], data.Select(p => (long)p!["id"]!));
        Assert.All(data, p => Assert.Equal((string)p!["sku"]!, (string)p["variants"]![0]!["sku"]!));
        Assert.Contains("id%3Ain=3%2C5%2C7", (string)byIds["meta"]!["pagination"]!["links"]!["current"]!);

        var bySku = await (await sb.BigCommerce.GetAsync("v3/catalog/products?sku=SKU-0042", Ct)).BodyAsync();
        Assert.Equal("Product 0042", (string)bySku["data"]![0]!["name"]!);

        var hidden = await (await sb.BigCommerce.GetAsync("v3/catalog/products?is_visible=false", Ct)).BodyAsync();
        Assert.Equal(10, (int)hidden["meta"]!["pagination"]!["total"]!);

        var cutoff = "2024-02-15T00:00:00+00:00";
        var recent = await (await sb.BigCommerce.GetAsync($"v3/catalog/products?date_modified:min={Uri.EscapeDataString(cutoff)}&limit=250", Ct)).BodyAsync();
        var expected = sb.Server.BigCommerce.Products.All.Count(p => DateTimeOffset.Parse((string)p["date_modified"]!) >= DateTimeOffset.Parse(cutoff));
        Assert.Equal(expected, recent["data"]!.AsArray().Count);
        Assert.InRange(expected, 1, 99);
    }

    [Fact]
    public async Task Create_update_get_and_delete_a_product()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 5);
        using var created = await sb.BigCommerce.PostAsync("v3/catalog/products",
            Sandbox.Json("""{"name":"Blue Mug","type":"physical","weight":0.4,"price":12.5,"sku":"MUG-1","categories":[1]}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.BodyAsync();
        Assert.IsType<JsonObject>(body["meta"]);
        var id = (long)body["data"]!["id"]!;
        Assert.Equal(6, id);
        Assert.NotNull(body["data"]!["date_created"]);

        using var updated = await sb.BigCommerce.PutAsync($"v3/catalog/products/{id}", Sandbox.Json("""{"price":15}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var data = (await updated.BodyAsync())["data"]!;
        Assert.Equal(15m, (decimal)data["price"]!);
        Assert.Equal("Blue Mug", (string)data["name"]!);

        using var deleted = await sb.BigCommerce.DeleteAsync($"v3/catalog/products/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await sb.BigCommerce.GetAsync($"v3/catalog/products/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var notFound = await gone.BodyAsync();
        Assert.Equal(404, (int)notFound["status"]!);
        Assert.NotNull(notFound["title"]);
        Assert.Empty(sb.Server.BigCommerce.VariantsOf(id));
    }

    [Fact]
    public async Task Validation_duplicates_and_malformed_json()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 5);
        using var missing = await sb.BigCommerce.PostAsync("v3/catalog/products", Sandbox.Json("""{"type":"physical","price":"cheap"}"""), Ct);
        Assert.Equal((HttpStatusCode)422, missing.StatusCode);
        var body = await missing.BodyAsync();
        Assert.Equal(422, (int)body["status"]!);
        Assert.Equal("JSON data is missing or invalid", (string)body["title"]!);
        var errors = body["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("weight"));
        Assert.True(errors.ContainsKey("price"));

        using var duplicateName = await sb.BigCommerce.PostAsync("v3/catalog/products",
            Sandbox.Json("""{"name":"Product 0001","type":"physical","weight":1,"price":1}"""), Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicateName.StatusCode);
        Assert.True((await duplicateName.BodyAsync())["errors"]!.AsObject().ContainsKey("name"));

        using var duplicateSku = await sb.BigCommerce.PostAsync("v3/catalog/products",
            Sandbox.Json("""{"name":"New","type":"physical","weight":1,"price":1,"sku":"SKU-0002"}"""), Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicateSku.StatusCode);

        using var malformed = await sb.BigCommerce.PostAsync("v3/catalog/products", Sandbox.Json("{\"name\": \"x\","), Ct);
        Assert.Equal((HttpStatusCode)422, malformed.StatusCode);
        Assert.Equal(422, (int)(await malformed.BodyAsync())["status"]!);

        using var v2Malformed = await sb.BigCommerce.PostAsync("v2/orders", Sandbox.Json("{oops"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, v2Malformed.StatusCode);
        Assert.Equal(400, (int)(await v2Malformed.BodyAsync())[0]!["status"]!);
    }

    [Fact]
    public async Task Variants_are_nested_under_their_product()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 2);
        using var created = await sb.BigCommerce.PostAsync("v3/catalog/products/1/variants",
            Sandbox.Json("""{"sku":"SKU-0001-RED","price":9.5,"option_values":[{"option_display_name":"Color","label":"Red"}]}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var variantId = (long)(await created.BodyAsync())["data"]!["id"]!;

        var list = await (await sb.BigCommerce.GetAsync("v3/catalog/products/1/variants", Ct)).BodyAsync();
        Assert.Equal(2, (int)list["meta"]!["pagination"]!["total"]!);
        using var wrongParent = await sb.BigCommerce.GetAsync($"v3/catalog/products/2/variants/{variantId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, wrongParent.StatusCode);
        using var dup = await sb.BigCommerce.PostAsync("v3/catalog/products/2/variants", Sandbox.Json("""{"sku":"SKU-0001-RED"}"""), Ct);
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        using var deleted = await sb.BigCommerce.DeleteAsync($"v3/catalog/products/1/variants/{variantId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Customers_are_created_updated_and_deleted_in_batches()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 10);
        using var created = await sb.BigCommerce.PostAsync("v3/customers", Sandbox.Json("""
            [{"email":"a@example.com","first_name":"A","last_name":"One"},{"email":"b@example.com","first_name":"B","last_name":"Two"}]
            """), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var ids = (await created.BodyAsync())["data"]!.AsArray().Select(c => (long)c!["id"]!).ToArray();
        Assert.Equal(2, ids.Length);

        using var duplicate = await sb.BigCommerce.PostAsync("v3/customers", Sandbox.Json("""[{"email":"a@example.com","first_name":"A","last_name":"Again"}]"""), Ct);
        Assert.Equal((HttpStatusCode)422, duplicate.StatusCode);
        using var notArray = await sb.BigCommerce.PostAsync("v3/customers", Sandbox.Json("""{"email":"c@example.com","first_name":"C","last_name":"Three"}"""), Ct);
        Assert.Equal((HttpStatusCode)422, notArray.StatusCode);

        using var updated = await sb.BigCommerce.PutAsync("v3/customers", Sandbox.Json($$"""[{"id":{{ids[0]}},"company":"Acme"}]"""), Ct);
        Assert.Equal("Acme", (string)(await updated.BodyAsync())["data"]![0]!["company"]!);

        var listed = await (await sb.BigCommerce.GetAsync($"v3/customers?id:in={ids[0]},{ids[1]}", Ct)).BodyAsync();
        Assert.Equal(2, listed["data"]!.AsArray().Count);

        using var deleted = await sb.BigCommerce.DeleteAsync($"v3/customers?id:in={ids[0]},{ids[1]}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(5, sb.Server.BigCommerce.Customers.Count);
    }

    [Fact]
    public async Task V2_orders_are_bare_arrays_and_an_empty_page_is_204()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 20);
        using var page1 = await sb.BigCommerce.GetAsync("v2/orders?page=1&limit=8", Ct);
        Assert.Equal(8, (await page1.BodyAsync()).AsArray().Count);
        using var page2 = await sb.BigCommerce.GetAsync("v2/orders?page=2&limit=8", Ct);
        Assert.Equal(2, (await page2.BodyAsync()).AsArray().Count);
        using var page3 = await sb.BigCommerce.GetAsync("v2/orders?page=3&limit=8", Ct);
        Assert.Equal(HttpStatusCode.NoContent, page3.StatusCode);

        using var missingBilling = await sb.BigCommerce.PostAsync("v2/orders", Sandbox.Json("""{"products":[{"name":"x","quantity":1,"price_inc_tax":5}]}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missingBilling.StatusCode);
        using var created = await sb.BigCommerce.PostAsync("v2/orders", Sandbox.Json("""
            {"billing_address":{"first_name":"A","email":"a@example.com"},"products":[{"name":"x","quantity":2,"price_inc_tax":5}]}
            """), Ct);
        var order = await created.BodyAsync();
        Assert.Equal("10.0000", (string)order["total_inc_tax"]!);
        var lines = await (await sb.BigCommerce.GetAsync($"v2/orders/{(long)order["id"]!}/products", Ct)).BodyAsync();
        Assert.Single(lines.AsArray());
        using var unknown = await sb.BigCommerce.GetAsync("v2/orders/99999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(404, (int)(await unknown.BodyAsync())[0]!["status"]!);
    }

    [Fact]
    public async Task Every_response_carries_rate_limit_headers_and_quota_exhaustion_is_429()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1, rateLimits: true);
        sb.Server.BigCommerce.RateLimit.Quota = 3;
        sb.Server.BigCommerce.RateLimit.Window = TimeSpan.FromSeconds(2);
        for (var left = 2; left >= 0; left--)
        {
            using var ok = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(left.ToString(), ok.Header("X-Rate-Limit-Requests-Left"));
            Assert.Equal("3", ok.Header("X-Rate-Limit-Requests-Quota"));
            Assert.Equal("2000", ok.Header("X-Rate-Limit-Time-Window-Ms"));
        }
        using var limited = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("0", limited.Header("X-Rate-Limit-Requests-Left"));
        var reset = int.Parse(limited.Header("X-Rate-Limit-Time-Reset-Ms"));
        Assert.InRange(reset, 1, 2000);
        await Task.Delay(reset + 50, Ct);
        using var again = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Injected_429_and_server_errors_carry_platform_headers_and_bodies()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 1);
        sb.Server.BigCommerce.Faults.RespondTooManyRequests(2, TimeSpan.FromMilliseconds(750));
        for (var i = 0; i < 2; i++)
        {
            using var limited = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal("750", limited.Header("X-Rate-Limit-Time-Reset-Ms"));
            Assert.Equal("0", limited.Header("X-Rate-Limit-Requests-Left"));
            Assert.NotNull(limited.Header("X-Rate-Limit-Requests-Quota"));
            Assert.NotNull(limited.Header("X-Rate-Limit-Time-Window-Ms"));
        }
        sb.Server.BigCommerce.Faults.RespondServerError(1, 503);
        using var unavailable = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(503, (int)(await unavailable.BodyAsync())["status"]!);
        using var ok = await sb.BigCommerce.GetAsync("v3/catalog/products", Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        sb.Server.BigCommerce.Faults.RejectWhen(p => (string?)p["name"] == "Forbidden");
        using var rejected = await sb.BigCommerce.PostAsync("v3/catalog/products",
            Sandbox.Json("""{"name":"Forbidden","type":"physical","weight":1,"price":1}"""), Ct);
        Assert.Equal((HttpStatusCode)422, rejected.StatusCode);
    }
}
