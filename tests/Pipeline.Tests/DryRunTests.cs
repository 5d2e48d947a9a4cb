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
