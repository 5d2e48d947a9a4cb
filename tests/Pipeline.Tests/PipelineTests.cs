using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The whole pipeline — Scheduler, connectors, Transformer — on the in-memory bus and on a real RabbitMQ.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class PipelineTests
{
    public static TheoryData<string> Transports => new() { "inmemory", "rabbitmq" };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_thousand_BigCommerce_products_arrive_in_Ecwid_with_the_mapped_fields(string transport)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 1000);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var summary = await harness.RunAsync(file, transport);

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(1000, summary.Totals.Fetched);
        Assert.Equal(1000, summary.Routes["products-to-ecwid"].Published);
        var source = harness.Sandbox.BigCommerce.Products.All.ToDictionary(p => p["sku"]!.ToString());
        var arrived = harness.Sandbox.Ecwid.Products.All;
        Assert.Equal(1000, arrived.Count);
        foreach (var product in arrived)
        {
            var original = source[product["sku"]!.ToString()];
            Assert.Equal(original["name"]!.ToString(), product["name"]!.ToString());
            Assert.Equal(original["price"]!.GetValue<decimal>(), product["price"]!.GetValue<decimal>());
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_filtered_route_skips_exactly_the_entities_its_condition_rejects(string transport)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 200);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid.Replace(
            "      - map:", "      - filter: { path: is_visible, equals: true }\n      - map:"));
        var hidden = harness.Sandbox.BigCommerce.Products.All.Count(p => p["is_visible"]?.GetValue<bool>() == false);
        Assert.InRange(hidden, 1, 199);

        var summary = await harness.RunAsync(file, transport);

        var route = summary.Routes["products-to-ecwid"];
        Assert.Equal(hidden, route.Skipped);
        Assert.Equal(200 - hidden, route.Published);
        Assert.Equal(0, route.Failed);
        Assert.Equal(200 - hidden, harness.Sandbox.Ecwid.Products.Count);
        Assert.Equal(0, summary.Totals.Failed);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_entity_the_target_rejects_fails_with_the_platforms_message_while_the_rest_arrive(string transport)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 100);
        var taken = harness.Sandbox.BigCommerce.Products.All[7]["sku"]!.ToString();
        harness.Sandbox.Ecwid.Products.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = "Already here", ["sku"] = taken, ["price"] = 1 });
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var summary = await harness.RunAsync(file, transport);

        var route = summary.Routes["products-to-ecwid"];
        Assert.Equal(1, route.Failed);
        Assert.Equal(99, route.Published);
        var error = Assert.Single(summary.Errors);
        Assert.Contains("409", error);
        Assert.Contains(taken, error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(100, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task A_wrong_target_token_fails_every_task_with_the_platforms_401_message()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 20);
        var file = harness.WriteIntegration("""
            incoming:
              ecwid-products:
                client: ecwid-store
                entity: products
            outgoing:
              bc-products:
                client: bc-store
                entity: catalog/products
                method: POST
            routes:
              products-to-bigcommerce:
                from: ecwid-products
                to: bc-products
                transformers:
                  - map: { payload.name: name, payload.sku: sku, payload.price: price, payload.type: "'physical'", payload.weight: "`1`" }
            """, bigCommerceToken: "wrong-token");

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(20, summary.Routes["products-to-bigcommerce"].Failed);
        Assert.All(summary.Errors, e => Assert.Contains("401", e));
        Assert.Contains(summary.Errors, e => e.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(summary.Errors, e => e.Contains("wrong-token"));
        Assert.Equal(0, harness.Sandbox.BigCommerce.Products.Count);
    }

    [Fact]
    public async Task A_wrong_Ecwid_token_fails_every_task_with_Ecwids_message()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 15);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid, ecwidToken: "secret_revoked");

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(15, summary.Routes["products-to-ecwid"].Failed);
        Assert.All(summary.Errors, e => Assert.Contains("HTTP 403", e));
        Assert.All(summary.Errors, e => Assert.Contains("Invalid access token in the request", e));
        Assert.DoesNotContain(summary.Errors, e => e.Contains("secret_revoked"));
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task A_wrong_source_token_fails_the_run_with_the_platforms_401_message()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 20);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid, bigCommerceToken: "wrong-token");

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.False(summary.Succeeded);
        var error = Assert.Single(summary.RunErrors);
        Assert.Contains("401", error);
        Assert.Contains("bc-products", error);
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }
}

[CollectionDefinition(nameof(PipelineCollection), DisableParallelization = true)]
public sealed class PipelineCollection;
