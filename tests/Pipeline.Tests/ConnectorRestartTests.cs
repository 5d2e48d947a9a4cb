using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Switchboard.Connector.Ecwid;
using Switchboard.Connectors.Messaging;
using Switchboard.Host.Runs;
using Switchboard.Hosting;
using Switchboard.Sandbox;
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

    /// <summary>The connector is killed (SIGKILL, no chance to finish anything) while a page's request is on the
    /// wire. "Fetched once" here means <em>routed</em> once: the killed page's fetch was never acknowledged, so the
    /// restarted connector requests that page again over HTTP (the platform sees it twice, the first time
    /// unanswered); every page is answered once, routed once, and every product is created once in the target.</summary>
    [Fact]
    public async Task A_BigCommerce_connector_killed_during_a_page_and_restarted_routes_every_page_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 1000);
        var bigCommerce = harness.Sandbox.BigCommerce;
        bigCommerce.Faults.Latency = TimeSpan.FromMilliseconds(100);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid.Replace("limit: 250", "limit: 50"));
        var integration = PipelineHarness.Load(file);
        var options = await harness.OptionsAsync("rabbitmq");

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
        var answeredPages = () => bigCommerce.Requests.Where(r => r.Method == "GET" && r.Status == 200).ToList();
        try
        {
            var run = RunSession.RunAsync(host, ["bc-products"], showProgress: false, TimeSpan.FromMinutes(4), ct);
            await using (var first = ServiceProcess.Start(dll, [], environment))
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                while (answeredPages().Count < 5)
                {
                    Assert.False(run.IsCompleted, "the run ended before the connector was killed: " + first.Output);
                    await Task.Delay(20, limit.Token);
                }
                // The next page is held on the wire until the connector is gone.
                bigCommerce.Faults.Latency = TimeSpan.FromMinutes(5);
                while (bigCommerce.RequestsInFlight == 0)
                {
                    Assert.False(first.HasExited, "the connector ended by itself: " + first.Output);
                    await Task.Delay(20, limit.Token);
                }
                await first.SignalAsync("KILL", TimeSpan.FromMinutes(1));
                while (!bigCommerce.Requests.Any(r => r.Status == PlatformEmulator.ClientClosedRequest)) await Task.Delay(20, limit.Token);
            }
            bigCommerce.Faults.Latency = TimeSpan.Zero;
            var killedPage = Assert.Single(bigCommerce.Requests, r => r.Status == PlatformEmulator.ClientClosedRequest).PathAndQuery;
            Assert.DoesNotContain(answeredPages(), r => r.PathAndQuery == killedPage);

            await using var second = ServiceProcess.Start(dll, [], environment);
            var summary = await run;

            Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)) + second.Output);
            var pages = answeredPages().Select(r => r.PathAndQuery).ToList();
            Assert.Equal(20, pages.Count);
            Assert.Equal(20, pages.Distinct().Count());
            Assert.Contains(killedPage, pages);
            await using (var state = await harness.TransformerState().CreateDbContextAsync(ct))
            {
                Assert.Equal(20, await state.RunPages.CountAsync(ct));
                Assert.Equal(1000, await state.Tasks.CountAsync(ct));
                Assert.Equal(1000, await state.Tasks.Select(t => t.EntityKey).Distinct().CountAsync(ct));
            }
            Assert.Equal(1000, summary.Routes["products-to-ecwid"].Published);
            Assert.Equal(1000, harness.Sandbox.Ecwid.Products.Count);
            Assert.Equal(1000, harness.Sandbox.Ecwid.Products.All.Select(p => p["sku"]!.ToString()).Distinct().Count());
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
