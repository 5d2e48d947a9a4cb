using System.Text.RegularExpressions;
using Switchboard.Host;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>examples/ecwid-orders-to-opencart.yaml, as shipped, against the sandbox: paid Ecwid orders become OpenCart
/// orders through the whole pipeline, each placed by the OpenCart connector's session sequence.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class OpenCartExampleTests
{
    [Theory]
    [MemberData(nameof(PipelineTests.Transports), MemberType = typeof(PipelineTests))]
    public async Task Paid_Ecwid_orders_become_OpenCart_orders_with_nothing_failed(string transport)
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 60);
        var file = ExampleAgainstSandbox(harness, "ecwid-orders-to-opencart.yaml");
        var paid = harness.Sandbox.Ecwid.Orders.All.Where(o => o["paymentStatus"]!.ToString() == "PAID").ToList();
        Assert.NotEmpty(paid);

        var summary = await harness.RunAsync(file, transport);

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(0, summary.Totals.Failed);
        Assert.Equal(paid.Count, summary.Routes["paid-orders-to-opencart"].Published);
        var placed = harness.Sandbox.OpenCart.Orders.All;
        Assert.Equal(paid.Count, placed.Count);
        foreach (var source in paid)
        {
            var order = Assert.Single(placed, o => o["comment"]!.ToString() == $"Ecwid order {source["id"]}");
            Assert.Equal(source["email"]!.ToString(), order["customer"]!["email"]!.ToString());
            var item = source["items"]![0]!;
            var line = Assert.Single(order["products"]!.AsArray());
            Assert.Equal(item["productId"]!.GetValue<long>(), line!["product_id"]!.GetValue<long>());
            Assert.Equal(item["quantity"]!.GetValue<int>(), line["quantity"]!.GetValue<int>());
            Assert.Equal(2, order["order_status_id"]!.GetValue<long>());
            // Shipped to the Ecwid order's own shipping person, in OpenCart's country and zone for its region.
            var person = source["shippingPerson"]!;
            var address = order["shipping_address"]!;
            Assert.Equal(person["street"]!.ToString(), address["address_1"]!.ToString());
            Assert.Equal(person["city"]!.ToString(), address["city"]!.ToString());
            Assert.Equal(person["postalCode"]!.ToString(), address["postcode"]!.ToString());
            Assert.Equal(person["countryName"]!.ToString(), address["country"]!.ToString());
            Assert.Equal(Zones[person["stateOrProvinceName"]!.ToString()], address["zone"]!.ToString());
            Assert.Equal(source["billingPerson"]!["lastName"]!.ToString(), order["payment_address"]!["lastname"]!.ToString());
        }
    }

    // Ecwid's region names beside OpenCart's zone names for them.
    private static readonly Dictionary<string, string> Zones = new()
    {
        ["New York"] = "New York", ["California"] = "California", ["Berlin"] = "Berlin", ["Bavaria"] = "Bayern",
    };

    [Fact]
    public async Task A_paid_Ecwid_order_without_an_address_fails_naming_what_is_missing_and_places_nothing()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 4);
        var file = ExampleAgainstSandbox(harness, "ecwid-orders-to-opencart.yaml");
        foreach (var order in harness.Sandbox.Ecwid.Orders.All.ToList())
            harness.Sandbox.Ecwid.Orders.Update(order["orderNumber"]!.GetValue<long>(), o =>
            {
                o["paymentStatus"] = "PAID";
                o.Remove("billingPerson");
                o.Remove("shippingPerson");
            });

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(harness.Sandbox.Ecwid.Orders.Count, summary.Routes["paid-orders-to-opencart"].Failed);
        Assert.All(summary.Errors, e => Assert.Contains("the Ecwid order has no billingPerson", e));
        Assert.Empty(harness.Sandbox.OpenCart.Orders.All);
    }

    [Fact]
    public async Task A_wrong_OpenCart_API_key_fails_every_order_task_with_OpenCarts_own_message()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 20);
        var file = ExampleAgainstSandbox(harness, "ecwid-orders-to-opencart.yaml",
            new() { ["OPENCART_API_KEY"] = "not-the-key" });
        var paid = harness.Sandbox.Ecwid.Orders.All.Count(o => o["paymentStatus"]!.ToString() == "PAID");

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(paid, summary.Routes["paid-orders-to-opencart"].Failed);
        Assert.NotEmpty(summary.Errors);
        Assert.All(summary.Errors, e => Assert.Contains("Warning: Incorrect API Key!", e));
        Assert.All(summary.Errors, e => Assert.DoesNotContain("not-the-key", e));
        Assert.Empty(harness.Sandbox.OpenCart.Orders.All);
    }

    /// <summary>The shipped example with its <c>${…}</c> variables filled in for this sandbox.</summary>
    private static string ExampleAgainstSandbox(PipelineHarness harness, string name, Dictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(SandboxEnvironment.For(harness.Sandbox));
        foreach (var (variable, value) in overrides ?? []) environment[variable] = value;
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));
        var filled = Regex.Replace(text, @"\$\{([A-Z0-9_]+)\}", m => environment[m.Groups[1].Value]);
        var path = Path.Combine(harness.Folder, name);
        File.WriteAllText(path, filled);
        return path;
    }
}
