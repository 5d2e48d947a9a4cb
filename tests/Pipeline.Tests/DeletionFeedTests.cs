using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Switchboard.ApiContracts;
using Switchboard.Host;
using Switchboard.Sandbox;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A deletion reported by the source platform itself — Ecwid's <c>products/deleted</c> feed, no injected
/// field — deletes the object the products route created in the target, through that route's key mappings
/// (<c>keyMappingsOf</c>), as <c>examples/ecwid-products-to-bigcommerce.yaml</c> configures it.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class DeletionFeedTests
{
    private const string Products = "products-to-bigcommerce";
    private const string Deletes = "deleted-products-to-bigcommerce";
    private static string Example => Path.Combine(AppContext.BaseDirectory, "examples", "ecwid-products-to-bigcommerce.yaml");

    [Fact]
    public async Task A_product_deleted_in_Ecwid_is_deleted_in_BigCommerce_by_the_next_run_of_the_deletion_feed()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 6);
        SandboxEnvironment.Apply(harness.Sandbox);
        var (ecwid, bigCommerce) = (harness.Sandbox.Ecwid, harness.Sandbox.BigCommerce);
        var first = await harness.RunAsync(Example, "inmemory");
        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal((6, 0), (first.Routes[Products].Published, bigCommerce.Products.Count - 6));
        var gone = ecwid.Products.All.Take(2).ToList();
        var goneSkus = gone.Select(p => p["sku"]!.ToString()).ToHashSet();
        var goneInBigCommerce = bigCommerce.Products.All.Where(p => goneSkus.Contains(p["sku"]!.ToString())).Select(p => p["id"]!.GetValue<long>()).ToList();
        Assert.Equal(2, goneInBigCommerce.Count);

        foreach (var product in gone)
            await DeleteThroughTheApiAsync(ecwid, product["id"]!.GetValue<long>());
        bigCommerce.ClearRequests();
        bigCommerce.RecordResponseBodies = true;
        var deleting = await harness.RunAsync(Example, "inmemory", "ecwid-deleted-products");

        Assert.True(deleting.Succeeded, string.Join("\n", deleting.RunErrors.Concat(deleting.Errors)));
        Assert.Equal((2, 0, 0), (deleting.Routes[Deletes].Published, deleting.Routes[Deletes].Skipped, deleting.Routes[Deletes].Failed));
        var writes = bigCommerce.Requests.Where(r => r.Method != "GET").ToList();
        Assert.All(writes, r => Assert.Equal("DELETE", r.Method));
        Assert.Equal(goneInBigCommerce.Select(id => $"/catalog/products/{id}").Order(),
            writes.Select(r => r.PathAndQuery[r.PathAndQuery.IndexOf("/catalog/products/", StringComparison.Ordinal)..]).Order());
        Assert.Equal(4, bigCommerce.Products.Count);
        Assert.DoesNotContain(bigCommerce.Products.All, p => goneSkus.Contains(p["sku"]!.ToString()));
        var mappings = new KeyMappingStore(harness.TransformerState());
        Assert.All(gone, p => Assert.Null(mappings.Find(Products, p["id"]!.ToString())));
        Assert.NotNull(mappings.Find(Products, ecwid.Products.All[0]["id"]!.ToString()));
        Assert.Empty(await BigCommerceApi.CheckRequestsAsync(writes));

        // The next runs: the products are unchanged, and the feed's deletions (listed again from the newest date seen)
        // have no mapping left, so nothing reaches BigCommerce.
        bigCommerce.ClearRequests();
        var again = await harness.RunAsync(Example, "inmemory");
        Assert.Equal((0, 0), (again.Totals.Published, again.Totals.Failed));
        Assert.Equal(4, again.Routes[Products].Skipped);
        Assert.Equal((0, 2), (again.Routes[Deletes].Published, again.Routes[Deletes].Skipped));
        Assert.All(await ReasonsAsync(harness, Deletes), reason => Assert.Equal(RouteSync.NeverPublished, reason));
        Assert.DoesNotContain(bigCommerce.Requests, r => r.Method != "GET");
        Assert.Equal(4, bigCommerce.Products.Count);
    }

    private static async Task<List<string?>> ReasonsAsync(PipelineHarness harness, string route)
    {
        await using var db = await harness.TransformerState().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var lastRun = await db.Tasks.Where(t => t.Route == route).OrderByDescending(t => t.CreatedAt).Select(t => t.RunId).FirstAsync(TestContext.Current.CancellationToken);
        return await db.Tasks.Where(t => t.RunId == lastRun && t.Route == route).Select(t => t.Reason).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task DeleteThroughTheApiAsync(EcwidEmulator ecwid, long productId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{ecwid.BaseUri.ToString().TrimEnd('/')}/{ecwid.StoreId}/products/{productId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ecwid.AccessToken);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
