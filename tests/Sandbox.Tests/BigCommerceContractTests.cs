using System.Net;
using System.Text.Json.Nodes;
using Switchboard.ApiContracts;

namespace Switchboard.Sandbox.Tests;

/// <summary>The BigCommerce emulator answers as BigCommerce's own OpenAPI files say: every status it gives is one the
/// operation documents, and every body fits that status's schema — successes, pages and errors alike.</summary>
public sealed class BigCommerceContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_answer_of_the_catalog_customers_and_orders_agrees_with_the_published_api()
    {
        await using var sb = await Sandbox.StartAsync(bigCommerceProducts: 12);
        var bc = sb.Server.BigCommerce;
        bc.RecordResponseBodies = true;
        var product = bc.Products.All[0]["id"]!.GetValue<long>();
        var other = bc.Products.All[1]["id"]!.GetValue<long>();
        var category = bc.Categories.All[0]["id"]!.GetValue<long>();
        var customer = bc.Customers.All[0]["id"]!.GetValue<long>();
        var order = bc.Orders.All[0]["id"]!.GetValue<long>();
        var tour = new Tour(sb.BigCommerce);

        await tour.Expect(200, "GET", "v3/catalog/products?page=1&limit=5&include=variants");
        await tour.Expect(200, "GET", $"v3/catalog/products/{product}");
        await tour.Expect(404, "GET", "v3/catalog/products/999999");
        var created = await tour.Expect(200, "POST", "v3/catalog/products",
            """{"name":"Contract mug","type":"physical","weight":0.4,"price":9.5,"sku":"CM-1","categories":[CATEGORY],"variants":[{"sku":"CM-1-RED","price":10}]}"""
                .Replace("CATEGORY", category.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var mug = created!["data"]!["id"]!.GetValue<long>();
        await tour.Expect(422, "POST", "v3/catalog/products", """{"name":"No price"}""");
        await tour.Expect(409, "POST", "v3/catalog/products", """{"name":"Contract mug","type":"physical","weight":1,"price":1}""");
        await tour.Expect(200, "PUT", $"v3/catalog/products/{mug}", """{"price":11.25}""");
        await tour.Expect(200, "PUT", "v3/catalog/products", $$"""[{"id":{{product}},"price":3},{"id":{{other}},"is_visible":false}]""");

        await tour.Expect(200, "GET", $"v3/catalog/products/{mug}/variants");
        var variant = await tour.Expect(200, "POST", $"v3/catalog/products/{mug}/variants", """{"sku":"CM-1-BLUE","price":12}""");
        var blue = variant!["data"]!["id"]!.GetValue<long>();
        await tour.Expect(200, "GET", $"v3/catalog/products/{mug}/variants/{blue}");
        await tour.Expect(200, "PUT", $"v3/catalog/products/{mug}/variants/{blue}", """{"price":12.5}""");
        await tour.Expect(422, "POST", $"v3/catalog/products/{mug}/variants", """{"price":"free"}""");
        await tour.Expect(204, "DELETE", $"v3/catalog/products/{mug}/variants/{blue}");
        await tour.Expect(200, "GET", "v3/catalog/variants?limit=10");
        var red = bc.Variants.All.Single(v => v["sku"]!.GetValue<string>() == "CM-1-RED")["id"]!.GetValue<long>();
        await tour.Expect(200, "PUT", "v3/catalog/variants",
            $$"""[{"id":{{red}},"price":10.5},{"product_id":{{mug}},"sku":"CM-1-GREEN","price":11,"option_values":[]}]""");
        await tour.Expect(422, "PUT", "v3/catalog/variants", """[{"id":999999,"price":1}]""");

        await tour.Expect(200, "GET", "v3/catalog/categories?limit=5");
        await tour.Expect(200, "GET", $"v3/catalog/categories/{category}");
        await tour.Expect(404, "GET", "v3/catalog/categories/999999");
        var newCategory = await tour.Expect(200, "POST", "v3/catalog/categories", """{"parent_id":0,"name":"Contract cups"}""");
        var cups = newCategory!["data"]!["id"]!.GetValue<long>();
        await tour.Expect(422, "POST", "v3/catalog/categories", """{"name":""}""");
        await tour.Expect(200, "PUT", $"v3/catalog/categories/{cups}", """{"description":"For the contract"}""");
        await tour.Expect(204, "DELETE", $"v3/catalog/categories/{cups}/image");
        await tour.Expect(204, "DELETE", $"v3/catalog/categories/{cups}");
        await tour.Expect(404, "DELETE", $"v3/catalog/categories/{cups}/image");

        await tour.Expect(204, "DELETE", $"v3/catalog/products/{mug}");
        await tour.Expect(204, "DELETE", $"v3/catalog/products?id:in={other}");

        await tour.Expect(200, "GET", "v3/customers?page=1&limit=5&include=addresses");
        var newCustomers = await tour.Expect(200, "POST", "v3/customers", """[{"email":"contract@example.com","first_name":"Con","last_name":"Tract"}]""");
        var contract = newCustomers!["data"]![0]!["id"]!.GetValue<long>();
        await tour.Expect(422, "POST", "v3/customers", """[{"first_name":"No e-mail"}]""");
        await tour.Expect(200, "PUT", "v3/customers", $$"""[{"id":{{contract}},"company":"Contract Ltd"}]""");
        await tour.Expect(204, "DELETE", $"v3/customers?id:in={contract}");
        await tour.Expect(200, "GET", $"v3/customers?id:in={customer}");

        await tour.Expect(200, "GET", "v2/orders?page=1&limit=5");
        await tour.Expect(204, "GET", "v2/orders?page=999&limit=5");
        await tour.Expect(200, "GET", $"v2/orders/{order}");
        await tour.Expect(200, "GET", "v2/orders/count");
        await tour.Expect(200, "GET", $"v2/orders/{order}/products");
        await tour.Expect(404, "GET", "v2/orders/999999");
        var newOrder = await tour.Expect(200, "POST", "v2/orders",
            $$"""{"customer_id":{{customer}},"billing_address":{"first_name":"Con","last_name":"Tract","street_1":"1 Main St","city":"Austin","state":"Texas","zip":"78701","country":"United States","country_iso2":"US","email":"contract@example.com"},"products":[{"name":"Contract mug","quantity":1,"price_inc_tax":9.5,"price_ex_tax":9.5}]}""");
        var placed = newOrder!["id"]!.GetValue<long>();
        await tour.Expect(200, "PUT", $"v2/orders/{placed}", """{"status_id":2}""");
        await tour.Expect(204, "DELETE", $"v2/orders/{placed}");

        var problems = await BigCommerceApi.CheckAnswersAsync(bc.Requests);

        Assert.True(problems.Count == 0, $"{problems.Count} disagreements with BigCommerce's OpenAPI files:\n" + string.Join("\n", problems));
    }

    /// <summary>Sends each call and asserts the status it was meant to provoke, so the check below covers what it claims.</summary>
    private sealed class Tour(HttpClient client)
    {
        public async Task<JsonNode?> Expect(int status, string method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = Sandbox.Json(body);
            using var response = await client.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True((int)response.StatusCode == status, $"{method} {path}: expected {status}, got {(int)response.StatusCode} {text}");
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
    }
}
