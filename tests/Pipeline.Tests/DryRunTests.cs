using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>switchboard run --dry-run</c>: fetch and transform, print what would be sent, publish nothing.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class DryRunTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    [Fact]
    public async Task A_dry_run_prints_every_request_it_would_send_and_publishes_nothing()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 12);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid.Replace(
            "      - map:", "      - filter: { path: is_visible, equals: true }\n      - map:"));
        var visible = harness.Sandbox.BigCommerce.Products.All.Where(p => p["is_visible"]?.GetValue<bool>() == true).ToList();
        var state = Path.Combine(harness.Folder, "state");

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["run", file, "--dry-run", "--json", "--state", state],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
        Assert.DoesNotContain(harness.Sandbox.Ecwid.Requests, r => r.Method != "GET");
        var result = JsonNode.Parse(stdout)!.AsObject();
        Assert.True(result["dryRun"]!.GetValue<bool>());
        Assert.Equal(visible.Count, result["routes"]!["products-to-ecwid"]!["published"]!.GetValue<int>());
        Assert.Equal(12 - visible.Count, result["routes"]!["products-to-ecwid"]!["skipped"]!.GetValue<int>());
        var requests = result["requests"]!.AsArray();
        Assert.Equal(visible.Select(p => p["sku"]!.ToString()).Order(), requests.Select(r => r!["payload"]!["sku"]!.ToString()).Order());
        var products = $"{harness.Sandbox.Ecwid.BaseUri.ToString().TrimEnd('/')}/{harness.Sandbox.Ecwid.StoreId}/products";
        Assert.All(requests, r =>
        {
            Assert.Equal("products-to-ecwid", r!["route"]!.ToString());
            Assert.Equal("POST", r["method"]!.ToString());
            Assert.Equal(products, r["target"]!.ToString());
        });
        var first = visible[0];
        var shown = requests.Single(r => r!["entityKey"]!.ToString() == first["id"]!.ToString())!["payload"]!;
        Assert.Equal(first["name"]!.ToString(), shown["name"]!.ToString());
        Assert.False(File.Exists(Path.Combine(state, "transformer.db")), "a dry run changed the state folder");
    }

    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task A_dry_run_after_a_sync_shows_only_the_changed_product_as_an_update_of_the_id_the_sync_created(string state)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5, state: state);
        var file = harness.WriteIntegration(PipelineHarness.UpsertedProductsToEcwid);
        string[] run = ["run", file, "--json", "--state", harness.StateFolder];
        var sync = await ServiceProcess.RunAsync(Switchboard, run, harness.StateEnvironment, cancellationToken: ct);
        Assert.True(sync.ExitCode == 0, sync.StdOut + sync.StdErr);
        var changed = harness.Sandbox.BigCommerce.Products.All[2];
        harness.Sandbox.BigCommerce.Products.Update(changed["id"]!.GetValue<long>(), p => p["price"] = p["price"]!.GetValue<decimal>() + 5);
        var created = harness.Sandbox.Ecwid.Products.All.Single(p => p["sku"]!.ToString() == changed["sku"]!.ToString())["id"]!.GetValue<long>();
        harness.Sandbox.Ecwid.ClearRequests();

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, [.. run, "--dry-run"], harness.StateEnvironment, cancellationToken: ct);

        Assert.True(exit == 0, stdout + stderr);
        var request = Assert.Single(JsonNode.Parse(stdout)!["requests"]!.AsArray());
        Assert.Equal("PUT", request!["method"]!.ToString());
        Assert.EndsWith($"/products/{created}", request["target"]!.ToString());
        Assert.DoesNotContain(harness.Sandbox.Ecwid.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task A_dry_run_as_text_names_method_target_and_payload()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 3);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var product = harness.Sandbox.BigCommerce.Products.All[0];

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["run", file, "--dry-run", "--state", Path.Combine(harness.Folder, "state")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("products-to-ecwid would send 3 requests:", stdout);
        Assert.Contains($"POST {harness.Sandbox.Ecwid.BaseUri.ToString().TrimEnd('/')}/{harness.Sandbox.Ecwid.StoreId}/products   (entity {product["id"]})", stdout);
        Assert.Contains($"\"sku\":\"{product["sku"]}\"", stdout);
        Assert.Contains("dry run: nothing was published", stdout);
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }
}
