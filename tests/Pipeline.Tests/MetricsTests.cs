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

    [Fact]
    public async Task Failed_counts_entities_that_ended_failed_and_attempts_failed_counts_every_failed_publish()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 6);
        var products = harness.Sandbox.BigCommerce.Products.All;
        var flaky = products[1]["sku"]!.ToString();
        var refused = products[4]["sku"]!.ToString();
        // The store refuses the flaky product twice, then takes it; the other it refuses every time.
        var flakyRefusals = 0;
        harness.Sandbox.Ecwid.Faults.RejectWhen(p => p["sku"]?.ToString() == refused
            || p["sku"]?.ToString() == flaky && Interlocked.Increment(ref flakyRefusals) <= 2, message: "Field 'sku' is not allowed now");
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid.Replace("products-to-ecwid:", "retried-products:")
            + "\n    retry: { attempts: 3, backoff: 20ms..50ms }");
        var counted = Listen(out var listener);
        using var _ = listener;

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(5, summary.Routes["retried-products"].Published);
        Assert.Equal(1, summary.Routes["retried-products"].Failed);
        Assert.Equal(5, counted.GetValueOrDefault("switchboard.entities.published{route=retried-products}"));
        // The flaky product published after two failures is no failed entity; the refused one, out of tries, is one.
        Assert.Equal(1, counted.GetValueOrDefault("switchboard.entities.failed{route=retried-products}"));
        Assert.Equal(2 + 3, counted.GetValueOrDefault("switchboard.entities.attempts_failed{route=retried-products}"));
    }

    private static ConcurrentDictionary<string, long> Listen(out MeterListener listener)
    {
        var counted = new ConcurrentDictionary<string, long>();
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SwitchboardMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + "{" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order()) + "}";
            counted.AddOrUpdate(key, value, (_, sum) => sum + value);
        });
        listener.Start();
        return counted;
    }
}
