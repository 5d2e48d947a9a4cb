using Microsoft.EntityFrameworkCore;
using Switchboard.Sandbox;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>Keeping two stores in sync: the key mapping turns a second publish into an update of the id the first
/// created, fingerprints skip what has not changed, and deletes in the source delete the mapped target object.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class SyncTests
{
    private const int Products = 30;

    private const string UpsertedProductsToEcwid = """
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
            query: { limit: 250 }
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            upsert: { create: POST, update: PUT }
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            key: id
            fingerprint: { ignore: [date_modified] }
            deleted: { when: "is_deleted" }
            transformers:
              - map: { payload.name: name, payload.sku: sku, payload.price: price, payload.date_modified: date_modified }
        """;

    [Theory]
    [MemberData(nameof(StateTheories.TransportsAndStates), MemberType = typeof(StateTheories))]
    public async Task A_second_run_sends_nothing_then_only_the_changed_entities_as_updates_of_the_ids_the_first_run_created(string transport, string state)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: Products, state: state);
        var file = harness.WriteIntegration(UpsertedProductsToEcwid);
        var ecwid = harness.Sandbox.Ecwid;

        var first = await harness.RunAsync(file, transport);
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(Products, first.Routes["products-to-ecwid"].Published);
        var created = ecwid.Products.All.ToDictionary(p => p["sku"]!.ToString(), p => p["id"]!.GetValue<long>());
        Assert.Equal(Products, created.Count);

        ecwid.ClearRequests();
        var second = await harness.RunAsync(file, transport);
        Assert.Equal((0, Products, 0), Counts(second));
        Assert.Empty(Writes(ecwid));
        Assert.Equal(Products, ecwid.Products.Count);
        Assert.Equal(Products, await SkippedAsUnchangedAsync(harness));
        var firstProduct = harness.Sandbox.BigCommerce.Products.All[0];
        Assert.Equal(created[firstProduct["sku"]!.ToString()].ToString(), KeyMappings(harness).Find("products-to-ecwid", firstProduct["id"]!.ToString()));

        var changed = harness.Sandbox.BigCommerce.Products.All.Take(3).ToList();
        foreach (var product in changed)
            harness.Sandbox.BigCommerce.Products.Update(product["id"]!.GetValue<long>(), p =>
            {
                p["price"] = p["price"]!.GetValue<decimal>() + 10;
                p["date_modified"] = DateTimeOffset.UtcNow.ToString("O");
            });
        // Only a modification date that the fingerprint ignores: not a change.
        harness.Sandbox.BigCommerce.Products.Update(harness.Sandbox.BigCommerce.Products.All[3]["id"]!.GetValue<long>(),
            p => p["date_modified"] = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        ecwid.ClearRequests();
        var third = await harness.RunAsync(file, transport);
        Assert.Equal((3, Products - 3, 0), Counts(third));
        var updates = Writes(ecwid);
        Assert.All(updates, r => Assert.Equal("PUT", r.Method));
        Assert.Equal(
            changed.Select(p => $"/products/{created[p["sku"]!.ToString()]}").Order(),
            updates.Select(ProductPath).Order());
        Assert.Equal(Products, ecwid.Products.Count);
        foreach (var product in changed)
            Assert.Equal(product["price"]!.GetValue<decimal>() + 10, ecwid.Products.Get(created[product["sku"]!.ToString()])!["price"]!.GetValue<decimal>());

        ecwid.ClearRequests();
        var full = await harness.RunAsync(file, transport, full: true);
        Assert.Equal((Products, 0, 0), Counts(full));
        Assert.Equal(Products, Writes(ecwid).Count(r => r.Method == "PUT"));
        Assert.DoesNotContain(Writes(ecwid), r => r.Method != "PUT");
        Assert.Equal(Products, ecwid.Products.Count);
    }

    [Fact]
    public async Task An_entity_the_source_reports_deleted_is_deleted_in_the_target_once()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 10);
        var file = harness.WriteIntegration(UpsertedProductsToEcwid);
        var ecwid = harness.Sandbox.Ecwid;
        await harness.RunAsync(file, "inmemory");
        var gone = harness.Sandbox.BigCommerce.Products.All.Take(2).Select(p => p["sku"]!.ToString()).ToHashSet();
        var goneIds = ecwid.Products.All.Where(p => gone.Contains(p["sku"]!.ToString())).Select(p => p["id"]!.GetValue<long>()).ToList();
        foreach (var product in harness.Sandbox.BigCommerce.Products.All.Take(2))
            harness.Sandbox.BigCommerce.Products.Update(product["id"]!.GetValue<long>(), p => p["is_deleted"] = true);

        ecwid.ClearRequests();
        var deleting = await harness.RunAsync(file, "inmemory");

        Assert.Equal((2, 8, 0), Counts(deleting));
        var deletes = Writes(ecwid);
        Assert.All(deletes, r => Assert.Equal("DELETE", r.Method));
        Assert.Equal(goneIds.Select(id => $"/products/{id}").Order(), deletes.Select(ProductPath).Order());
        Assert.Equal(8, ecwid.Products.Count);
        Assert.Null(KeyMappings(harness).Find("products-to-ecwid", harness.Sandbox.BigCommerce.Products.All[0]["id"]!.ToString()));
        Assert.DoesNotContain(ecwid.Products.All, p => gone.Contains(p["sku"]!.ToString()));

        ecwid.ClearRequests();
        var again = await harness.RunAsync(file, "inmemory");
        Assert.Equal((0, 10, 0), Counts(again));
        Assert.Empty(Writes(ecwid));
    }

    [Fact]
    public async Task An_update_of_an_object_deleted_in_the_target_fails_with_its_404_and_the_next_run_creates_it_again()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var file = harness.WriteIntegration(UpsertedProductsToEcwid);
        var ecwid = harness.Sandbox.Ecwid;
        await harness.RunAsync(file, "inmemory");
        var source = harness.Sandbox.BigCommerce.Products.All[0];
        var removed = ecwid.Products.All.Single(p => p["sku"]!.ToString() == source["sku"]!.ToString());
        ecwid.Products.Remove(removed["id"]!.GetValue<long>());
        harness.Sandbox.BigCommerce.Products.Update(source["id"]!.GetValue<long>(), p => p["name"] = "Renamed while gone from Ecwid");

        var failing = await harness.RunAsync(file, "inmemory");
        var recreating = await harness.RunAsync(file, "inmemory");

        Assert.Equal((0, 4, 1), Counts(failing));
        Assert.Contains("404", Assert.Single(failing.Errors));
        Assert.Equal((1, 4, 0), Counts(recreating));
        Assert.Equal(5, ecwid.Products.Count);
        Assert.Equal("Renamed while gone from Ecwid", ecwid.Products.All.Single(p => p["sku"]!.ToString() == source["sku"]!.ToString())["name"]!.ToString());
    }

    [Fact]
    public async Task An_upsert_with_id_path_path_id_updates_the_object_the_first_run_created()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var file = harness.WriteIntegration(UpsertedProductsToEcwid.Replace("upsert: { create: POST, update: PUT }", "upsert: { create: POST, update: PUT, idPath: path.id }"));
        var ecwid = harness.Sandbox.Ecwid;
        Assert.Equal((5, 0, 0), Counts(await harness.RunAsync(file, "inmemory")));
        var source = harness.Sandbox.BigCommerce.Products.All[2];
        var created = ecwid.Products.All.Single(p => p["sku"]!.ToString() == source["sku"]!.ToString())["id"]!.GetValue<long>();
        harness.Sandbox.BigCommerce.Products.Update(source["id"]!.GetValue<long>(), p => p["name"] = "Renamed in BigCommerce");
        ecwid.ClearRequests();

        var second = await harness.RunAsync(file, "inmemory");

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        Assert.Equal((1, 4, 0), Counts(second));
        var update = Assert.Single(Writes(ecwid));
        Assert.Equal(("PUT", $"/products/{created}"), (update.Method, ProductPath(update)));
        Assert.Equal("Renamed in BigCommerce", ecwid.Products.Get(created)!["name"]!.ToString());
        Assert.Equal(5, ecwid.Products.Count);
    }

    [Fact]
    public async Task Validate_refuses_an_id_path_that_fills_no_placeholder_of_the_platforms_entity()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.WriteIntegration(UpsertedProductsToEcwid.Replace("upsert: { create: POST, update: PUT }", "upsert: { create: POST, update: PUT, idPath: path.productId }"));

        var result = Hosting.SwitchboardHost.TryLoadIntegration([file], Host.AllModules.Create(runSchedules: false));

        var error = Assert.Single(result.Errors);
        Assert.Equal("outgoing.ecwid-products.upsert.idPath", error.Key);
        Assert.StartsWith("'path.productId' is not a placeholder of the path of products (it has {storeId})", error.Message);
    }

    [Fact]
    public async Task Switchboard_run_skips_unchanged_entities_and_run_full_sends_them_all_as_updates()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 20);
        var file = harness.WriteIntegration(UpsertedProductsToEcwid);
        string[] run = [Path.Combine(AppContext.BaseDirectory, "switchboard.dll"), "run", file, "--json", "--state", Path.Combine(harness.Folder, "state")];

        var first = await RunCommandAsync(run);
        harness.Sandbox.Ecwid.ClearRequests();
        var second = await RunCommandAsync(run);
        var full = await RunCommandAsync([.. run, "--full"]);

        Assert.Equal((20, 0), (first["published"]!.GetValue<int>(), first["skipped"]!.GetValue<int>()));
        Assert.Equal((0, 20), (second["published"]!.GetValue<int>(), second["skipped"]!.GetValue<int>()));
        Assert.Equal((20, 0), (full["published"]!.GetValue<int>(), full["skipped"]!.GetValue<int>()));
        var writes = Writes(harness.Sandbox.Ecwid);
        Assert.Equal(20, writes.Count);
        Assert.All(writes, r => Assert.Equal("PUT", r.Method));
        Assert.Equal(20, harness.Sandbox.Ecwid.Products.Count);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> RunCommandAsync(string[] command)
    {
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(command[0], command[1..], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(exit == 0, stdout + stderr);
        return System.Text.Json.Nodes.JsonNode.Parse(stdout)!["totals"]!;
    }

    private static (int Published, int Skipped, int Failed) Counts(Host.Runs.RunSummary summary) =>
        (summary.Routes["products-to-ecwid"].Published, summary.Routes["products-to-ecwid"].Skipped, summary.Routes["products-to-ecwid"].Failed);

    private static string ProductPath(RecordedRequest request) =>
        request.PathAndQuery[request.PathAndQuery.LastIndexOf("/products/", StringComparison.Ordinal)..];

    private static List<RecordedRequest> Writes(EcwidEmulator ecwid) =>
        ecwid.Requests.Where(r => r.Method is not "GET" && r.PathAndQuery.Contains("/products", StringComparison.Ordinal)).ToList();

    /// <summary>The store as the <c>lookup</c> transformer reads it.</summary>
    private static Transformation.IKeyMappings KeyMappings(PipelineHarness harness) =>
        new KeyMappingStore(harness.TransformerState());

    private static async Task<int> SkippedAsUnchangedAsync(PipelineHarness harness)
    {
        await using var db = await harness.TransformerState().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var lastRun = await db.Tasks.OrderByDescending(t => t.CreatedAt).Select(t => t.RunId).FirstAsync(TestContext.Current.CancellationToken);
        return await db.Tasks.CountAsync(t => t.RunId == lastRun && t.Status == TaskState.Skipped && t.Reason == RouteSync.Unchanged, TestContext.Current.CancellationToken);
    }
}
