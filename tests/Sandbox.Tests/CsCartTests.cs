using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

public sealed class CsCartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_or_missing_credentials_are_401_with_CS_Carts_body_and_the_basic_challenge()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 3);
        using var anonymous = new HttpClient { BaseAddress = sb.CsCart.BaseAddress };
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Get, "products");
        wrongRequest.Headers.Authorization = Sandbox.Basic(sb.Server.CsCart.Email, "WrongKeyWrongKeyWrongKeyWrongKey");

        using var missing = await anonymous.GetAsync("products", Ct);
        using var wrong = await anonymous.SendAsync(wrongRequest, Ct);
        using var right = await sb.CsCart.GetAsync("products", Ct);

        foreach (var refused in new[] { missing, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Basic realm=\"User email/API key\"", refused.Headers.WwwAuthenticate.ToString());
            var body = await refused.BodyAsync();
            Assert.Equal("Unauthorized", (string)body["message"]!);
            Assert.Equal(401, (int)body["status"]!);
        }
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Lists_carry_params_with_string_totals_and_a_page_past_the_end_repeats_the_last()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 64);

        var first = await (await sb.CsCart.GetAsync("products", Ct)).BodyAsync();
        var third = await (await sb.CsCart.GetAsync("products?items_per_page=25&page=3", Ct)).BodyAsync();
        var beyond = await (await sb.CsCart.GetAsync("products?items_per_page=25&page=9", Ct)).BodyAsync();

        Assert.Equal(10, first["products"]!.AsArray().Count);
        Assert.Equal("10", (string)first["params"]!["items_per_page"]!);
        var parameters = third["params"]!;
        Assert.Equal(JsonValueKind.Number, parameters["page"]!.GetValueKind());
        Assert.Equal(3, (int)parameters["page"]!);
        Assert.Equal("25", (string)parameters["items_per_page"]!);
        Assert.Equal("64", (string)parameters["total_items"]!);
        var products = third["products"]!.AsArray();
        Assert.Equal(14, products.Count);
        Assert.Equal(JsonValueKind.String, products[0]!["product_id"]!.GetValueKind());
        Assert.Equal("51", (string)products[0]!["product_id"]!);
        Assert.Equal(3, (int)beyond["params"]!["page"]!);
        Assert.Equal(products.ToJsonString(), beyond["products"]!.ToJsonString());
    }

    [Fact]
    public async Task Writes_answer_the_new_id_as_a_string_and_refuse_with_CS_Carts_messages()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 3);

        using var created = await sb.CsCart.PostAsync("products", Sandbox.Json("""{"product":"Teapot","category_ids":[1],"price":"19.90"}"""), Ct);
        var id = (string)(await created.BodyAsync())["product_id"]!;
        using var missing = await sb.CsCart.PostAsync("products", Sandbox.Json("""{"product":"Kettle","price":"0"}"""), Ct);
        using var idInUrl = await sb.CsCart.PostAsync("products/1", Sandbox.Json("""{"product":"Kettle"}"""), Ct);
        using var noId = await sb.CsCart.PutAsync("products", Sandbox.Json("""{"price":"1"}"""), Ct);
        using var plainText = await sb.CsCart.PutAsync($"products/{id}", new StringContent("""{"price":"1"}"""), Ct);
        using var unknownObject = await sb.CsCart.GetAsync("gadgets", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Teapot", (string)sb.Server.CsCart.Products.Get(long.Parse(id))!["product"]!);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var refusal = await missing.BodyAsync();
        Assert.Equal("Bad Request: Required field \"category_ids\" is missing. Required field \"price\" is missing", (string)refusal["message"]!);
        Assert.Equal(["Required field \"category_ids\" is missing", "Required field \"price\" is missing"], refusal["errors"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, idInUrl.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, noId.StatusCode);
        Assert.Equal(405, (int)(await noId.BodyAsync())["status"]!);
        Assert.Equal(HttpStatusCode.BadRequest, plainText.StatusCode);
        Assert.Equal("19.90", (string)sb.Server.CsCart.Products.Get(long.Parse(id))!["price"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknownObject.StatusCode);
        Assert.Equal("Not Found: Entity gadgets was not found", (string)(await unknownObject.BodyAsync())["message"]!);
    }

    [Fact]
    public async Task A_reviews_writes_under_another_product_are_not_found()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 11);
        var review = sb.Server.CsCart.Discussions.All[0];
        var (productId, postId) = (review["object_id"]!.ToString(), review["post_id"]!.ToString());
        var otherProduct = sb.Server.CsCart.Products.All.First(p => p["product_id"]!.ToString() != productId)["product_id"]!.ToString();

        using var elsewhere = await sb.CsCart.PutAsync($"products/{otherProduct}/discussions/{postId}", Sandbox.Json("""{"message":"moved"}"""), Ct);
        using var deletedElsewhere = await sb.CsCart.DeleteAsync($"products/{otherProduct}/discussions/{postId}", Ct);
        using var updated = await sb.CsCart.PutAsync($"products/{productId}/discussions/{postId}", Sandbox.Json("""{"message":"Edited."}"""), Ct);

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(postId, (string)(await updated.BodyAsync())["post_id"]!);
        Assert.Equal("Edited.", (string)sb.Server.CsCart.Discussions.Get(long.Parse(postId))!["message"]!);
    }

    [Fact]
    public async Task A_users_usergroups_are_links_set_by_status_and_listed_by_usergroup_id()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 4);
        var user = sb.Server.CsCart.Users.All[0]["user_id"]!.ToString();
        var groups = sb.Server.CsCart.Store("usergroups").All;
        var wholesale = groups.Single(g => (string)g["usergroup"]! == "Wholesale")["usergroup_id"]!.ToString();
        var managers = groups.Single(g => (string)g["usergroup"]! == "Managers")["usergroup_id"]!.ToString();
        var links = $"users/{user}/usergroups";

        using var none = await sb.CsCart.GetAsync(links, Ct);
        Assert.Equal("[]", await none.TextAsync());
        using var noStatus = await sb.CsCart.PutAsync($"{links}/{wholesale}", Sandbox.Json("{}"), Ct);
        using var adminGroup = await sb.CsCart.PutAsync($"{links}/{managers}", Sandbox.Json("""{"status":"A"}"""), Ct);
        using var unknownGroup = await sb.CsCart.PutAsync($"{links}/999", Sandbox.Json("""{"status":"A"}"""), Ct);
        using var create = await sb.CsCart.PostAsync(links, Sandbox.Json("""{"usergroup_id":"1","status":"A"}"""), Ct);
        using var unknownUser = await sb.CsCart.PutAsync($"users/9999/usergroups/{wholesale}", Sandbox.Json("""{"status":"A"}"""), Ct);
        using var joined = await sb.CsCart.PutAsync($"{links}/{wholesale}", Sandbox.Json("""{"status":"A"}"""), Ct);
        var member = await (await sb.CsCart.GetAsync(links, Ct)).BodyAsync();
        using var one = await sb.CsCart.GetAsync($"{links}/{wholesale}", Ct);
        using var left = await sb.CsCart.DeleteAsync($"{links}/{wholesale}", Ct);
        using var afterLeaving = await sb.CsCart.GetAsync(links, Ct);
        var removed = await (await sb.CsCart.GetAsync($"{links}?status=F", Ct)).BodyAsync();

        Assert.Equal(HttpStatusCode.BadRequest, noStatus.StatusCode);
        Assert.Equal("Bad Request: Required field \"status\" is missing", (string)(await noStatus.BodyAsync())["message"]!);
        Assert.Equal(HttpStatusCode.BadRequest, adminGroup.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownGroup.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.NotNull((string?)(await joined.BodyAsync())["message"]);
        var link = member[wholesale]!;
        Assert.Equal(wholesale, (string)link["usergroup_id"]!);
        Assert.Equal("A", (string)link["status"]!);
        Assert.Equal(JsonValueKind.String, link["link_id"]!.GetValueKind());
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal("[]", await afterLeaving.TextAsync());
        Assert.Equal("F", (string)removed[wholesale]!["status"]!);
        Assert.Equal("F", (string)Assert.Single(sb.Server.CsCart.UsergroupLinks.All)["status"]!);
    }

    [Fact]
    public async Task Quota_server_errors_and_latency_come_as_CS_Cart_or_a_proxy_in_front_of_it_answers()
    {
        await using var sb = await Sandbox.StartAsync(csCartProducts: 2);
        sb.Server.CsCart.Faults.RespondTooManyRequests(1);
        using var quota = await sb.CsCart.GetAsync("products", Ct);
        sb.Server.CsCart.QuotaStatus = 429;
        sb.Server.CsCart.Faults.RespondTooManyRequests(1, TimeSpan.FromSeconds(3));
        using var proxied = await sb.CsCart.GetAsync("products", Ct);
        sb.Server.CsCart.Faults.RespondServerError(1, 503);
        using var unavailable = await sb.CsCart.GetAsync("products", Ct);
        using var ok = await sb.CsCart.GetAsync("products", Ct);

        Assert.Equal((HttpStatusCode)509, quota.StatusCode);
        Assert.Equal("Bandwidth Limit Exceeded", (string)(await quota.BodyAsync())["message"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, proxied.StatusCode);
        Assert.Equal("3", proxied.Header("Retry-After"));
        Assert.Equal(429, (int)(await proxied.BodyAsync())["status"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal("Service Unavailable", (string)(await unavailable.BodyAsync())["message"]!);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await Latency.IsFeltAsync(sb.Server.CsCart, sb.CsCart.BaseAddress + "products", sb.CsCart.DefaultRequestHeaders.Authorization);
    }
}
