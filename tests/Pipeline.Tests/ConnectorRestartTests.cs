using Microsoft.Extensions.Hosting;
using Switchboard.Connector.Ecwid;
using Switchboard.Connectors.Messaging;
using Switchboard.Host.Runs;
using Switchboard.Hosting;
using Switchboard.Scheduler;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A connector process stopped in the middle of a run and started again finishes the run.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class ConnectorRestartTests
{
    [Fact]
    public async Task A_BigCommerce_connector_stopped_mid_run_and_restarted_fetches_every_page_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 1000);
        // 20 pages of 50, each answered slowly, so the run is surely under way when the connector is stopped.
        harness.Sandbox.BigCommerce.Faults.Latency = TimeSpan.FromMilliseconds(250);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid.Replace("limit: 250", "limit: 50"));
        var integration = PipelineHarness.Load(file);
        var options = await harness.OptionsAsync("rabbitmq");

        // Everything but the BigCommerce connector runs here; that one runs as its own process.
        using var host = RunSession.BuildHost(options, integration, runSchedules: false, verbose: false,
            [new SchedulerModule { RunSchedules = false }, new TransformerModule(), new ConnectorModule<EcwidPlatform>()]);
        await host.StartAsync(ct);
        var environment = new Dictionary<string, string>
        {
            ["SWITCHBOARD_INTEGRATION"] = file,
            ["RABBITMQ_URI"] = options.RabbitMqUri!.ToString(),
            ["SWITCHBOARD_QUEUE_PREFIX"] = options.QueuePrefix,
            ["SWITCHBOARD_STATE"] = Path.Combine(harness.Folder, "connector-state"),
        };
        var dll = Path.Combine(ServiceProcess.BuildOutput("services/Connector.BigCommerce"), "Switchboard.Connector.BigCommerce.dll");
        var pages = () => harness.Sandbox.BigCommerce.Requests.Count(r => r.Method == "GET" && r.Status == 200);
        try
        {
            var run = RunSession.RunAsync(host, ["bc-products"], showProgress: false, TimeSpan.FromMinutes(4), ct);
            await using (var first = ServiceProcess.Start(dll, [], environment))
            {
                while (pages() < 5)
                {
                    Assert.False(run.IsCompleted, "the run ended before the connector was stopped: " + first.Output);
                    await Task.Delay(50, ct);
                }
                await first.StopAsync();
            }
            var fetchedBeforeRestart = pages();
            Assert.InRange(fetchedBeforeRestart, 5, 19);

            await using var second = ServiceProcess.Start(dll, [], environment);
            var summary = await run;

            Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)) + second.Output);
            var pageRequests = harness.Sandbox.BigCommerce.Requests.Where(r => r.Method == "GET" && r.Status == 200)
                .Select(r => r.PathAndQuery).ToList();
            Assert.Equal(20, pageRequests.Count);
            Assert.Equal(20, pageRequests.Distinct().Count());
            Assert.Equal(1000, summary.Routes["products-to-ecwid"].Published);
            Assert.Equal(1000, harness.Sandbox.Ecwid.Products.Count);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
