using Switchboard.Host;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>CS-Cart in whole pipeline runs: the shipped example, and a wrong API key as users see it in failed tasks.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class CsCartPipelineTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public async Task The_CS_Cart_products_to_Ecwid_example_runs_against_the_sandbox_with_nothing_failed()
    {
        await using var harness = await PipelineHarness.StartAsync(csCartProducts: 250);
        SandboxEnvironment.Apply(harness.Sandbox);
        var active = harness.Sandbox.CsCart.Products.Where(p => p["status"]!.ToString() == "A").ToDictionary(p => p["product_code"]!.ToString());

        Assert.InRange(active.Count, 1, 249);

        var summary = await harness.RunAsync(Example("cscart-products-to-ecwid.yaml"), "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(0, summary.Totals.Failed);
        Assert.Equal(active.Count, summary.Routes["products-to-ecwid"].Published);
        var arrived = harness.Sandbox.Ecwid.Products.All;
        Assert.Equal(active.Count, arrived.Count);
        foreach (var product in arrived)
        {
            var original = active[product["sku"]!.ToString()];
            Assert.Equal(original["product"]!.ToString(), product["name"]!.ToString());
            Assert.Equal(decimal.Parse(original["price"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture), product["price"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task The_Ecwid_customers_to_CS_Cart_users_example_runs_against_the_sandbox_with_nothing_failed()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 60);
        SandboxEnvironment.Apply(harness.Sandbox);
        var customers = harness.Sandbox.Ecwid.Customers.All;
        Assert.NotEmpty(customers);

        var summary = await harness.RunAsync(Example("ecwid-customers-to-cscart.yaml"), "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(0, summary.Totals.Failed);
        Assert.Equal(customers.Count, summary.Routes["customers-to-users"].Published);
        var users = harness.Sandbox.CsCart.Users.All.ToDictionary(u => u["email"]!.ToString());
        foreach (var customer in customers)
        {
            var user = users[customer["email"]!.ToString()];
            Assert.Equal(customer["billingPerson"]!["lastName"]!.ToString(), user["lastname"]!.ToString());
            Assert.Equal("C", user["user_type"]!.ToString());
        }
    }

    [Fact]
    public async Task A_wrong_CS_Cart_API_key_fails_every_task_with_CS_Carts_401_message()
    {
        await using var harness = await PipelineHarness.StartAsync(ecwidProducts: 20);
        var file = Path.Combine(harness.Folder, "customers-to-cscart.yaml");
        await File.WriteAllTextAsync(file, $$"""
            clients:
              ecwid-store:
                platform: ecwid
                baseUri: {{harness.Sandbox.Ecwid.BaseUri}}
                storeId: "{{harness.Sandbox.Ecwid.StoreId}}"
                auth: { type: token, accessToken: "{{harness.Sandbox.Ecwid.AccessToken}}" }
              cscart-store:
                platform: cs-cart
                baseUri: {{harness.Sandbox.CsCart.BaseUri}}
                email: {{harness.Sandbox.CsCart.Email}}
                apiKey: RevokedKeyRevokedKeyRevokedKey00
            incoming:
              ecwid-customers:
                client: ecwid-store
                entity: customers
            outgoing:
              cscart-users:
                client: cscart-store
                entity: users
                method: POST
            routes:
              customers-to-users:
                from: ecwid-customers
                to: cscart-users
                transformers:
                  - map: { payload.email: email, payload.firstname: billingPerson.firstName, payload.user_type: "'C'" }
            """, TestContext.Current.CancellationToken);
        var customers = harness.Sandbox.Ecwid.Customers.Count;
        var usersBefore = harness.Sandbox.CsCart.Users.Count;
        Assert.True(customers > 0);

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(customers, summary.Routes["customers-to-users"].Failed);
        Assert.All(summary.Errors, e => Assert.Contains("401", e));
        Assert.All(summary.Errors, e => Assert.Contains("Unauthorized", e));
        Assert.DoesNotContain(summary.Errors, e => e.Contains("RevokedKey"));
        Assert.Equal(usersBefore, harness.Sandbox.CsCart.Users.Count);
    }
}
