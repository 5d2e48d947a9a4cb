using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The <c>lookup</c> transformer against the real key-mapping store: products sent after their categories
/// carry the ids the target gave those categories.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class LookupPipelineTests
{
    private const string CategoriesThenProducts = """
        incoming:
          bc-categories:
            client: bc-store
            entity: catalog/categories
          bc-products:
            client: bc-store
            entity: catalog/products
            query: { limit: 250 }
        outgoing:
          ecwid-categories:
            client: ecwid-store
            entity: categories
            method: POST
          ecwid-products:
            client: ecwid-store
            entity: products
            method: POST
        routes:
          categories-to-ecwid:
            from: bc-categories
            to: ecwid-categories
            key: id
            transformers:
              - map: { payload.name: name }
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            key: id
            transformers:
              - lookup:
                  route: categories-to-ecwid
                  key: categories
                  into: ecwidCategories
                  mappers: [ { cast: number } ]
              - map: { payload.name: name, payload.sku: sku, payload.categoryIds: ecwidCategories }
        """;

    [Theory]
    [MemberData(nameof(PipelineTests.Transports), MemberType = typeof(PipelineTests))]
    public async Task Products_sent_after_their_categories_carry_the_target_ids_of_those_categories(string transport)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 40);
        var file = harness.WriteIntegration(CategoriesThenProducts);
        var bigCommerce = harness.Sandbox.BigCommerce;
        var ecwid = harness.Sandbox.Ecwid;

        var categories = await harness.RunAsync(file, transport, "bc-categories");
        Assert.True(categories.Succeeded, string.Join("\n", categories.RunErrors.Concat(categories.Errors)));
        Assert.Equal(bigCommerce.Categories.Count, ecwid.Categories.Count);
        var products = await harness.RunAsync(file, transport, "bc-products");

        Assert.True(products.Succeeded, string.Join("\n", products.RunErrors.Concat(products.Errors)));
        Assert.Equal(40, products.Routes["products-to-ecwid"].Published);
        // The Ecwid category of each BigCommerce category is the one created with its name.
        var ecwidCategoryOf = bigCommerce.Categories.All.ToDictionary(
            c => c["id"]!.GetValue<long>(),
            c => ecwid.Categories.All.Single(e => e["name"]!.ToString() == c["name"]!.ToString())["id"]!.GetValue<long>());
        var sent = ecwid.Products.All.ToDictionary(p => p["sku"]!.ToString());
        Assert.Equal(40, sent.Count);
        foreach (var source in bigCommerce.Products.All)
        {
            var expected = source["categories"]!.AsArray().Select(c => ecwidCategoryOf[c!.GetValue<long>()]).ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, sent[source["sku"]!.ToString()]["categoryIds"]!.AsArray().Select(c => c!.GetValue<long>()));
        }
    }

    [Fact]
    public async Task Products_whose_categories_were_never_sent_fail_naming_the_route_to_publish_first()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 20);
        var file = harness.WriteIntegration(CategoriesThenProducts);

        var products = await harness.RunAsync(file, "inmemory", "bc-products");

        Assert.Equal(20, products.Routes["products-to-ecwid"].Failed);
        Assert.Contains("no key mapping on route 'categories-to-ecwid'", products.Errors[0]);
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }
}
