using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>switchboard run</c>, <c>serve</c>, <c>demo</c> and <c>sandbox</c>, each run as its own process as a user runs it.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class HostCommandTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    /// <summary><c>sandbox</c> and <c>demo</c> on free ports, so they never collide with another sandbox on this machine.</summary>
    private static readonly Dictionary<string, string> FreeSandboxPorts = new() { ["SWITCHBOARD_SANDBOX_PORTS"] = "free" };

    [Fact]
    public async Task Run_with_a_failing_task_exits_1_and_prints_the_first_errors()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 10);
        var refusedSku = harness.Sandbox.BigCommerce.Products.All[3]["sku"]!.GetValue<string>();
        harness.Sandbox.Ecwid.Faults.RejectWhen(p => p["sku"]?.ToString() == refusedSku, message: "SKU is reserved by the test");
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["run", file, "--state", harness.StateFolder], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}{stderr}");
        Assert.Contains("first errors:", stdout);
        Assert.Contains("SKU is reserved by the test", stdout);
        Assert.Equal(9, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task Run_with_incoming_runs_only_that_incoming()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 12);
        var file = harness.WriteIntegration("""
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
              featured:
                client: bc-store
                entity: catalog/products
                query: { is_featured: "true" }
            outgoing:
              ecwid-products:
                client: ecwid-store
                entity: products
                method: POST
            routes:
              products-to-ecwid:
                from: bc-products
                to: ecwid-products
                transformers:
                  - map: { payload.name: name, payload.sku: sku }
              featured-to-ecwid:
                from: featured
                to: ecwid-products
                transformers:
                  - map: { payload.name: name, payload.sku: sku }
            """);

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["run", file, "--incoming", "bc-products", "--json", "--state", harness.StateFolder], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        var routes = JsonNode.Parse(stdout)!["routes"]!.AsObject();
        Assert.Equal(12, routes["products-to-ecwid"]!["published"]!.GetValue<int>());
        Assert.Equal(0, routes["featured-to-ecwid"]?["fetched"]?.GetValue<int>() ?? 0);
        Assert.Equal(12, harness.Sandbox.Ecwid.Products.Count);
        Assert.DoesNotContain(harness.Sandbox.BigCommerce.Requests, r => r.PathAndQuery.Contains("is_featured"));
    }

    [Fact]
    public async Task Serve_stops_cleanly_on_ctrl_c_with_exit_0()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 20);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid.Replace(
            "query: { limit: 250 }", "query: { limit: 250 }\n    schedule: \"*/2 * * * * *\"", StringComparison.Ordinal));
        var environment = new Dictionary<string, string> { ["SWITCHBOARD_STATE"] = harness.StateFolder };

        await using var serve = ServiceProcess.Start(Switchboard, ["serve", file], environment);
        await serve.WaitForOutputAsync("serving bc-products", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        using (var scheduled = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            while (harness.Sandbox.Ecwid.Products.Count < 20)
            {
                Assert.False(serve.HasExited, "serve ended by itself:\n" + serve.Output);
                await Task.Delay(100, scheduled.Token);
            }
        var exit = await serve.SignalAsync("INT", TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, $"exit {exit}\n{serve.Output}");
        Assert.DoesNotContain("unexpected error", serve.Output.ToString());
        Assert.Equal(20, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task Demo_with_json_prints_the_totals_of_the_example_run()
    {
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["demo", "--json", "--products", "50"], FreeSandboxPorts,
            TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        var totals = JsonNode.Parse(stdout)!["totals"]!;
        Assert.Equal(50, totals["fetched"]!.GetValue<int>());
        Assert.Equal(0, totals["failed"]!.GetValue<int>());
        Assert.True(totals["published"]!.GetValue<int>() > 0, stdout);
        Assert.Equal(50, totals["published"]!.GetValue<int>() + totals["skipped"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sandbox_prints_uris_and_credentials_that_answer_and_stops_on_ctrl_c()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = ServiceProcess.Start(Switchboard, ["sandbox", "--seed", "3"], FreeSandboxPorts);
        await sandbox.WaitForOutputAsync("Ctrl+C stops.", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var exports = sandbox.Output.ToString().Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);

        Assert.Contains($"X-Auth-Token: {exports["BIGCOMMERCE_ACCESS_TOKEN"]}", sandbox.Output.ToString());
        foreach (var name in new[] { "ECWID_BASE_URI", "ECWID_ACCESS_TOKEN", "CSCART_BASE_URI", "CSCART_API_KEY", "OPENCART_BASE_URI",
                     "OPENCART_API_KEY", "COMMERCETOOLS_API_URL", "COMMERCETOOLS_CLIENT_SECRET" })
            Assert.False(string.IsNullOrWhiteSpace(exports.GetValueOrDefault(name)), $"{name} is not printed:\n{sandbox.Output}");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, exports["BIGCOMMERCE_BASE_URI"] + "/v3/catalog/products");
            request.Headers.Add("X-Auth-Token", exports["BIGCOMMERCE_ACCESS_TOKEN"]);
            using var answer = await http.SendAsync(request, ct);
            Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode} from the printed BigCommerce URI");
            Assert.Equal(3, JsonNode.Parse(await answer.Content.ReadAsStringAsync(ct))!["data"]!.AsArray().Count);
        }
        var exit = await sandbox.SignalAsync("INT", TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, $"exit {exit}\n{sandbox.Output}");
    }
}
