using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

/// <summary>A seeded commercetools project has customers and orders of its products, shaped as the Order resource is,
/// and readable through the API with a query predicate; the sandbox's OpenCart store sells those products.</summary>
public sealed class CommercetoolsSeedOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeded_orders_are_listed_with_line_items_money_addresses_and_states()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { FreePorts = true, SeedCommercetoolsProducts = 20, EnforceRateLimits = false }, Ct);
        using var http = await ClientAsync(server);

        var page = JsonNode.Parse(await http.GetStringAsync("orders?where=" + Uri.EscapeDataString("paymentState = \"Paid\"") + "&limit=500", Ct))!;

        var orders = page["results"]!.AsArray().Select(o => o!.AsObject()).ToArray();
        Assert.Equal(10, server.Commercetools.Orders.Count);
        Assert.NotEmpty(orders);
        Assert.True(orders.Length < 10, "some orders still await their payment");
        Assert.All(orders, order =>
        {
            Assert.Equal("Paid", (string)order["paymentState"]!);
            Assert.Contains((string)order["orderState"]!, new[] { "Open", "Confirmed", "Complete", "Cancelled" });
            var items = order["lineItems"]!.AsArray();
            Assert.NotEmpty(items);
            long sum = 0;
            foreach (var item in items)
            {
                var product = server.Commercetools.Products.Get((string)item!["productId"]!);
                Assert.NotNull(product);
                Assert.Equal((string)product["masterData"]!["current"]!["masterVariant"]!["sku"]!, (string)item["variant"]!["sku"]!);
                sum += (long)item["totalPrice"]!["centAmount"]!;
                Assert.Equal((long)item["price"]!["value"]!["centAmount"]! * (int)item["quantity"]!, (long)item["totalPrice"]!["centAmount"]!);
            }
            Assert.Equal("centPrecision", (string)order["totalPrice"]!["type"]!);
            Assert.Equal(sum, (long)order["totalPrice"]!["centAmount"]!);
            Assert.NotNull(order["shippingAddress"]!["country"]);
            Assert.NotNull(order["version"]);
            Assert.NotNull(server.Commercetools.Customers.Get((string)order["customerId"]!));
        });
    }

    [Fact]
    public async Task The_opencart_store_sells_the_seeded_products_under_1000000_plus_their_sku_number()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { FreePorts = true, SeedCommercetoolsProducts = 5, EnforceRateLimits = false }, Ct);

        var sold = server.OpenCart.Products.Where(p => (long)p["product_id"]! > SandboxServer.CommercetoolsProductIdBase).ToArray();

        Assert.Equal(5, sold.Length);
        Assert.Contains(sold, p => (long)p["product_id"]! == 1_000_001 && (string)p["model"]! == "CT-000001");
    }

    private static async Task<HttpClient> ClientAsync(SandboxServer server)
    {
        var ct = server.Commercetools;
        using var auth = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ct.AuthUrl, "oauth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ct.ClientId}:{ct.ClientSecret}")));
        using var answer = await auth.SendAsync(request, Ct);
        var token = (string)(await answer.BodyAsync())["access_token"]!;
        var http = new HttpClient { BaseAddress = new Uri(ct.BaseUri, ct.ProjectKey + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
