using System.Text.Json.Nodes;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>deleted.when</c> beyond one source object to one target object: a source entity a <c>branches</c> route
/// split into several target objects deletes all of them, and a nested target object (a BigCommerce variant) is
/// deleted under the parent it was created under.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class DeletedOutputsTests
{
    [Fact]
    public async Task A_deleted_source_product_deletes_every_target_product_its_variants_became()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 3);
        var bigCommerce = harness.Sandbox.BigCommerce;
        var ecwid = harness.Sandbox.Ecwid;
        var deletedProduct = bigCommerce.Products.All[0];
        var deletedId = deletedProduct["id"]!.GetValue<long>();
        // A seeded product has one (base) variant: two more make three.
        foreach (var size in new[] { "M", "XL" })
            bigCommerce.Variants.Add(new JsonObject
            {
                ["product_id"] = deletedId, ["sku"] = $"{deletedProduct["sku"]}-{size}", ["price"] = 20m, ["calculated_price"] = 20m,
                ["option_values"] = new JsonArray(),
            });
        var file = harness.WriteIntegration("""
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                query: { include: variants }
            outgoing:
              ecwid-products:
                client: ecwid-store
                entity: products
                upsert: { create: POST, update: PUT }
            routes:
              variants-to-ecwid:
                from: bc-products
                to: ecwid-products
                deleted: { when: "is_deleted" }
                transformers:
                  - branches: { each: variants, key: sku, parent: product }
                  - map: { payload.sku: sku, payload.name: product.name, payload.price: calculated_price }
            """);
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(5, ecwid.Products.Count);
        var variantSkus = bigCommerce.VariantsOf(deletedId).Select(v => v["sku"]!.ToString()).ToHashSet();
        Assert.Equal(3, variantSkus.Count);
        var doomed = ecwid.Products.All.Where(p => variantSkus.Contains(p["sku"]!.ToString())).Select(p => p["id"]!.GetValue<long>()).ToList();
        Assert.Equal(3, doomed.Count);

        bigCommerce.Products.Update(deletedId, p => p["is_deleted"] = true);
        ecwid.ClearRequests();
        var deleting = await harness.RunAsync(file, "inmemory");

        Assert.True(deleting.Succeeded, string.Join("\n", deleting.RunErrors.Concat(deleting.Errors)));
        Assert.Equal((3, 2, 0), Counts(deleting));
        var writes = Writes(ecwid);
        Assert.All(writes, r => Assert.Equal("DELETE", r.Method));
        Assert.Equal(doomed.Select(id => $"/products/{id}").Order(), writes.Select(ProductPath).Order());
        Assert.Equal(2, ecwid.Products.Count);
        Assert.DoesNotContain(ecwid.Products.All, p => variantSkus.Contains(p["sku"]!.ToString()));

        ecwid.ClearRequests();
        var again = await harness.RunAsync(file, "inmemory");
        Assert.Empty(Writes(ecwid));
        Assert.Equal((0, 3, 0), Counts(again));
    }

    [Fact]
    public async Task A_deleted_source_deletes_its_nested_target_object_under_the_parent_it_was_created_under()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 2, ecwidProducts: 4);
        var bigCommerce = harness.Sandbox.BigCommerce;
        var ecwid = harness.Sandbox.Ecwid;
        // Each Ecwid product names the BigCommerce product its variant belongs under; the two parents alternate.
        var parents = bigCommerce.Products.All.Select(p => p["id"]!.GetValue<long>()).ToArray();
        var sources = ecwid.Products.All.Select(p => p["id"]!.GetValue<long>()).ToArray();
        for (var i = 0; i < sources.Length; i++)
            ecwid.Products.Update(sources[i], p => p["bc_parent"] = parents[i % 2]);
        var file = harness.WriteIntegration("""
            incoming:
              ecwid-products:
                client: ecwid-store
                entity: products
            outgoing:
              bc-variants:
                client: bc-store
                entity: catalog/products
                nestedEntity: variants
                upsert: { create: POST, update: PUT, delete: DELETE }
            routes:
              products-to-variants:
                from: ecwid-products
                to: bc-variants
                deleted: { when: "is_deleted" }
                transformers:
                  - map:
                      path.objectId: bc_parent
                      payload.sku: "join('-', ['EC', sku])"
                      payload.price: price
                      payload.option_values: "`[]`"
            """);
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        var gone = ecwid.Products.Get(sources[1])!;
        var variant = bigCommerce.Variants.All.Single(v => v["sku"]!.ToString() == $"EC-{gone["sku"]}");
        Assert.Equal(parents[1], variant["product_id"]!.GetValue<long>());

        ecwid.Products.Update(sources[1], p => p["is_deleted"] = true);
        bigCommerce.ClearRequests();
        var deleting = await harness.RunAsync(file, "inmemory");

        Assert.True(deleting.Succeeded, string.Join("\n", deleting.RunErrors.Concat(deleting.Errors)));
        var delete = Assert.Single(bigCommerce.Requests, r => r.Method != "GET");
        Assert.Equal("DELETE", delete.Method);
        Assert.EndsWith($"/v3/catalog/products/{parents[1]}/variants/{variant["id"]}", delete.PathAndQuery.Split('?')[0]);
        Assert.Null(bigCommerce.Variants.Get(variant["id"]!.GetValue<long>()));
        Assert.Equal(3, bigCommerce.Variants.All.Count(v => v["sku"]!.ToString().StartsWith("EC-", StringComparison.Ordinal)));
    }

    private static (int Published, int Skipped, int Failed) Counts(Host.Runs.RunSummary summary) =>
        (summary.Routes["variants-to-ecwid"].Published, summary.Routes["variants-to-ecwid"].Skipped, summary.Routes["variants-to-ecwid"].Failed);

    private static string ProductPath(RecordedRequest request)
    {
        var path = request.PathAndQuery.Split('?')[0];
        return path[path.LastIndexOf("/products/", StringComparison.Ordinal)..];
    }

    private static List<RecordedRequest> Writes(EcwidEmulator ecwid) =>
        ecwid.Requests.Where(r => r.Method is not "GET" && r.PathAndQuery.Contains("/products", StringComparison.Ordinal)).ToList();
}
