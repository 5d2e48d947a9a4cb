using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Switchboard.Hosting;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The counters behind the Grafana dashboard count what a run did: entities fetched per incoming,
/// published and failed per route, HTTP calls per client and status.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class MetricsTests
{
    [Fact]
    public async Task A_run_counts_its_fetched_published_and_failed_entities_and_its_HTTP_calls()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 120);
        var taken = harness.Sandbox.BigCommerce.Products.All[3]["sku"]!.ToString();
        harness.Sandbox.Ecwid.Products.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = "Already here", ["sku"] = taken, ["price"] = 1 });
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var counted = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SwitchboardMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + "{" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order()) + "}";
            counted.AddOrUpdate(key, value, (_, sum) => sum + value);
        });
        listener.Start();

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(119, summary.Routes["products-to-ecwid"].Published);
        Assert.Equal(120, counted.GetValueOrDefault("switchboard.entities.fetched{client=bc-store,incoming=bc-products}"));
        Assert.Equal(119, counted.GetValueOrDefault("switchboard.entities.published{route=products-to-ecwid}"));
        Assert.Equal(1, counted.GetValueOrDefault("switchboard.entities.failed{route=products-to-ecwid}"));
        Assert.True(counted.GetValueOrDefault("switchboard.http.requests{client=bc-store,status=200}") >= 1, string.Join("\n", counted));
        Assert.True(counted.Keys.Any(k => k.StartsWith("switchboard.http.requests{client=ecwid-store,status=4")), "the refused product's 4xx is counted: " + string.Join("\n", counted));
    }
}
