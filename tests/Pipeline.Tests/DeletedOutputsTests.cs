using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Switchboard.Host.Commands;
using Switchboard.Host.Tasks;
using Switchboard.Sandbox;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>deleted.when</c> beyond one source object to one target object: a source entity a <c>branches</c> route
/// split into several target objects deletes all of them, and a nested target object (a BigCommerce variant) is
/// deleted under the parent it was created under.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class DeletedOutputsTests
{
    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task A_deleted_source_product_deletes_every_target_product_its_variants_became(string state)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 3, state: state);
        var ecwid = harness.Sandbox.Ecwid;
        var (file, deletedId, variantSkus, doomed) = await SyncVariantsAsync(harness);

        harness.Sandbox.BigCommerce.Products.Update(deletedId, p => p["is_deleted"] = true);
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
    public async Task A_refused_delete_of_one_variant_fails_alone_and_its_replay_deletes_that_product()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 3);
        var ecwid = harness.Sandbox.Ecwid;
        var (file, deletedId, _, doomed) = await SyncVariantsAsync(harness);
        harness.Sandbox.BigCommerce.Products.Update(deletedId, p => p["is_deleted"] = true);
        ecwid.Faults.RespondErrorWhen(path => path.Contains($"/products/{doomed[0]}", StringComparison.Ordinal), 400);

        var deleting = await harness.RunAsync(file, "inmemory");
        Assert.Equal((2, 2, 1), Counts(deleting));
        Assert.Equal([doomed[0]], ecwid.Products.All.Select(p => p["id"]!.GetValue<long>()).Where(doomed.Contains));

        ecwid.Faults.Reset();
        ecwid.ClearRequests();
        var replay = await ReplayCommand.ExecuteAsync(PipelineHarness.Load(file), await harness.OptionsAsync("inmemory"),
            new TaskQuery { Statuses = [TaskState.Failed] }, TimeSpan.FromMinutes(2), verbose: false, TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (replay.Replayed, replay.Totals.Published));
        Assert.Equal($"/products/{doomed[0]}", ProductPath(Assert.Single(Writes(ecwid), r => r.Method == "DELETE")));
        Assert.Equal(2, ecwid.Products.Count);
        Assert.DoesNotContain(ecwid.Products.All, p => doomed.Contains(p["id"]!.GetValue<long>()));
    }

    /// <summary>Three variants of the first product (its base variant and two more) and one of each other product,
    /// synced as five Ecwid products; the Ecwid ids of the first product's three.</summary>
    private static async Task<(string File, long DeletedId, HashSet<string> VariantSkus, List<long> Doomed)> SyncVariantsAsync(PipelineHarness harness)
    {
        var bigCommerce = harness.Sandbox.BigCommerce;
        var ecwid = harness.Sandbox.Ecwid;
        var deletedProduct = bigCommerce.Products.All[0];
        var deletedId = deletedProduct["id"]!.GetValue<long>();
        foreach (var size in new[] { "M", "XL" })
            bigCommerce.Variants.Add(new JsonObject
            {
                ["product_id"] = deletedId, ["sku"] = $"{deletedProduct["sku"]}-{size}", ["price"] = 20m, ["calculated_price"] = 20m,
                ["option_values"] = new JsonArray(),
            });
        var file = harness.WriteIntegration(VariantsToEcwid);
        var first = await harness.RunAsync(file, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(5, ecwid.Products.Count);
        var variantSkus = bigCommerce.VariantsOf(deletedId).Select(v => v["sku"]!.ToString()).ToHashSet();
        Assert.Equal(3, variantSkus.Count);
        var doomed = ecwid.Products.All.Where(p => variantSkus.Contains(p["sku"]!.ToString())).Select(p => p["id"]!.GetValue<long>()).ToList();
        Assert.Equal(3, doomed.Count);
        return (file, deletedId, variantSkus, doomed);
    }

    // The branch key is the variant's SKU, which does not start with the product's key.
    private const string VariantsToEcwid = """
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
        """;

    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task A_deleted_source_deletes_its_nested_target_object_under_the_parent_it_was_created_under(string state)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 2, ecwidProducts: 4, state: state);
        var bigCommerce = harness.Sandbox.BigCommerce;
        var ecwid = harness.Sandbox.Ecwid;
        // Each Ecwid product names the BigCommerce product its variant belongs under; the two parents alternate.
        var parents = bigCommerce.Products.All.Select(p => p["id"]!.GetValue<long>()).ToArray();
        var sources = ecwid.Products.All.Select(p => p["id"]!.GetValue<long>()).ToArray();
        for (var i = 0; i < sources.Length; i++)
            ecwid.Products.Update(sources[i], p => p["bc_parent"] = parents[i % 2]);
        var file = harness.WriteIntegration(ProductsToVariants);
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

    [Fact]
    public async Task A_nested_delete_whose_mapping_has_no_parent_id_fails_saying_so_and_sends_nothing()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 1, ecwidProducts: 1);
        var bigCommerce = harness.Sandbox.BigCommerce;
        var ecwid = harness.Sandbox.Ecwid;
        var source = ecwid.Products.All[0]["id"]!.GetValue<long>();
        ecwid.Products.Update(source, p => p["bc_parent"] = bigCommerce.Products.All[0]["id"]!.GetValue<long>());
        var file = harness.WriteIntegration(ProductsToVariants);
        await harness.RunAsync(file, "inmemory");
        var variant = bigCommerce.Variants.All.Single(v => v["sku"]!.ToString().StartsWith("EC-", StringComparison.Ordinal));
        // As a mapping recorded before target addresses were kept.
        await using (var db = await harness.TransformerState().CreateDbContextAsync(TestContext.Current.CancellationToken))
            await db.KeyMappings.ExecuteUpdateAsync(m => m.SetProperty(r => r.TargetAddress, (string?)null), TestContext.Current.CancellationToken);

        ecwid.Products.Update(source, p => p["is_deleted"] = true);
        bigCommerce.ClearRequests();
        var deleting = await harness.RunAsync(file, "inmemory");

        Assert.Equal(
            $"route products-to-variants, entity {source}: cannot delete variants {variant["id"]} of catalog/products: its key mapping holds "
            + "no parent id (path.objectId), having been recorded before Switchboard kept target addresses; delete it in the target by hand",
            Assert.Single(deleting.Errors).Split(": ", 2)[1]);
        Assert.DoesNotContain(bigCommerce.Requests, r => r.Method != "GET");
        Assert.NotNull(bigCommerce.Variants.Get(variant["id"]!.GetValue<long>()));
    }

    private const string ProductsToVariants = """
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
        """;

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
