using Microsoft.EntityFrameworkCore;
using Switchboard.ApiContracts;
using Switchboard.Configuration;
using Switchboard.Host;
using Switchboard.Host.Runs;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>Every file in examples/ runs against a sandbox seeded as <c>switchboard demo FILE</c> seeds it (the stores
/// the file reads), and keeps the target in sync: the first run publishes with nothing failed, a second publishes
/// nothing, and after one source entity changes a third sends one update to the object the first run created — or,
/// for an example that only creates (orders placed once), nothing. A new example is covered the day it is added.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class ExampleTests
{
    private const int SeededProducts = 40;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "examples");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Every_example_is_named_after_the_store_it_reads()
    {
        Assert.All(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName),
            name => Assert.Matches("^(bigcommerce|ecwid|cscart|commercetools)-(.*-)?to-", name!));
    }

    [Fact]
    public void Every_example_in_the_repository_is_shipped_with_the_command_line()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Microservices.sln"))) root = root.Parent!;
        var inRepository = Directory.GetFiles(Path.Combine(root.FullName, "examples"), "*.yaml").Select(Path.GetFileName).Order();

        Assert.Equal(inRepository, Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_example_keeps_the_sandbox_stores_in_sync(string example)
    {
        await using var harness = await PipelineHarness.StartAsync();
        SandboxEnvironment.Apply(harness.Sandbox);
        var path = Path.Combine(Folder, example);
        var integration = PipelineHarness.Load(path);
        // Examples are named <source>-…-to-<target>: only the source store is seeded, as a real target starts empty.
        Assert.Equal(new[] { SourcePlatform(example) }, SandboxSeeding.SeedSources(harness.Sandbox, integration, SeededProducts));
        harness.Sandbox.BigCommerce.RecordResponseBodies = true;
        // The example's sync route; a deletion feed's route beside it works through that route's key mappings.
        var route = Assert.Single(integration.Routes.Values, r => r.KeyMappingsOf is null);
        var outgoing = integration.Outgoing[route.To];
        var target = Emulator(harness.Sandbox, integration.Clients[outgoing.Client].Platform);

        var first = await harness.RunAsync(path, "inmemory");

        Assert.True(first.Succeeded, string.Join("\n", first.RunErrors.Concat(first.Errors)));
        Assert.Equal(0, first.Totals.Failed);
        Assert.True(first.Totals.Published > 0, $"{example} published nothing: {System.Text.Json.JsonSerializer.Serialize(first)}");

        var second = await harness.RunAsync(path, "inmemory");

        Assert.True(second.Succeeded, string.Join("\n", second.RunErrors.Concat(second.Errors)));
        Assert.Equal(0, second.Totals.Published);
        Assert.Equal(first.Totals.Published, second.Totals.Skipped - (first.Totals.Skipped));

        var (sourceKey, targetId) = FirstMapping(harness, route.Name);
        var incoming = integration.Incoming[route.From];
        ChangeSourceEntity(harness.Sandbox, integration.Clients[incoming.Client].Platform, incoming.Entity, route.Key, sourceKey);
        var before = target.Requests.Count;

        var third = await harness.RunAsync(path, "inmemory");

        Assert.True(third.Succeeded, string.Join("\n", third.RunErrors.Concat(third.Errors)));
        var writes = target.Requests.Skip(before).Where(r => r.Method != "GET" && !r.PathAndQuery.Contains("/oauth/token", StringComparison.Ordinal)
                                                             && !IsOpenCartLogin(r)).ToArray();
        if (outgoing.Upsert is not null)
        {
            Assert.Equal(1, third.Totals.Published);
            var update = Assert.Single(writes);
            Assert.Equal(outgoing.Upsert.Update, update.Method);
            Assert.Contains(targetId, update.PathAndQuery.Split('?')[0].Split('/'));
        }
        else
        {
            // Only creates (an order placed once): a changed source entity must not create a second one.
            Assert.Equal(0, third.Totals.Published);
            Assert.Empty(writes);
        }

        // What an example reads from or writes to BigCommerce is what BigCommerce's own OpenAPI files describe.
        var problems = await BigCommerceApi.CheckAsync(harness.Sandbox.BigCommerce.Requests);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string SourcePlatform(string example) => example.Split('-')[0] switch
    {
        "cscart" => "cs-cart",
        var platform => platform,
    };

    private static bool IsOpenCartLogin(RecordedRequest request) => request.PathAndQuery.Contains("login", StringComparison.Ordinal);

    private static (string SourceKey, string TargetId) FirstMapping(PipelineHarness harness, string route)
    {
        using var db = harness.TransformerState().CreateDbContext();
        var mapping = db.KeyMappings.AsNoTracking().Where(m => m.Route == route && m.TargetId != null).OrderBy(m => m.SourceKey).First();
        return (mapping.SourceKey, mapping.TargetId!);
    }

    private static PlatformEmulator Emulator(SandboxServer sandbox, string platform) => platform switch
    {
        "bigcommerce" => sandbox.BigCommerce,
        "ecwid" => sandbox.Ecwid,
        "cs-cart" => sandbox.CsCart,
        "commercetools" => sandbox.Commercetools,
        "opencart" => sandbox.OpenCart,
        _ => throw new ArgumentException($"no emulator for {platform}"),
    };

    /// <summary>A change in the source store to a field every example carries, as another writer would make it.</summary>
    private static void ChangeSourceEntity(SandboxServer sandbox, string platform, string entity, string keyPath, string key)
    {
        Action<System.Text.Json.Nodes.JsonObject> change = (platform, entity) switch
        {
            ("bigcommerce", "catalog/products") or ("ecwid", "products") => e => e["name"] = $"{e["name"]} (renamed)",
            ("cs-cart", "products") => e => e["product"] = $"{e["product"]} (renamed)",
            ("ecwid", "customers") or ("ecwid", "orders") => e => e["email"] = $"changed-{e["email"]}",
            ("commercetools", "orders") => e => e["customerEmail"] = $"changed-{e["customerEmail"]}",
            _ => throw new ArgumentException($"ExampleTests does not know how to change {platform} {entity}: add it here"),
        };
        if (platform == "commercetools")
        {
            Assert.NotNull(sandbox.Commercetools.Resources(entity).Update(key, change));
            return;
        }
        var store = (platform, entity) switch
        {
            ("bigcommerce", "catalog/products") => sandbox.BigCommerce.Products,
            ("ecwid", "products") => sandbox.Ecwid.Products,
            ("ecwid", "customers") => sandbox.Ecwid.Customers,
            ("ecwid", "orders") => sandbox.Ecwid.Orders,
            _ => sandbox.CsCart.Products,
        };
        var source = Assert.Single(store.Where(e => e[keyPath]?.ToString() == key));
        Assert.NotNull(store.Update(source[store.IdProperty]!.GetValue<long>(), change));
    }
}
