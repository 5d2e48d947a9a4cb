using Switchboard.ApiContracts;
using Switchboard.Host;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>Every file in examples/ runs against a seeded sandbox, as the README tells users to run it, with
/// something published and nothing failed. A new example is covered the day it is added.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class ExampleTests
{
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
            name => Assert.Matches("^(bigcommerce|ecwid|cscart)-(.*-)?to-", name!));
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
    public async Task An_example_runs_against_the_sandbox_with_nothing_failed(string example)
    {
        // Examples are named <source>-…-to-<target>: only the source store is seeded, as a real target starts empty.
        await using var harness = await PipelineHarness.StartAsync(
            bigCommerceProducts: example.StartsWith("bigcommerce-") ? 100 : 0,
            ecwidProducts: example.StartsWith("ecwid-") ? 40 : 0,
            csCartProducts: example.StartsWith("cscart-") ? 60 : 0);
        SandboxEnvironment.Apply(harness.Sandbox);
        harness.Sandbox.BigCommerce.RecordResponseBodies = true;

        var summary = await harness.RunAsync(Path.Combine(Folder, example), "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(0, summary.Totals.Failed);
        Assert.True(summary.Totals.Published > 0, $"{example} published nothing: {System.Text.Json.JsonSerializer.Serialize(summary)}");
        // What an example reads from or writes to BigCommerce is what BigCommerce's own OpenAPI files describe.
        var exchanges = harness.Sandbox.BigCommerce.Requests.Select(r => new Exchange(r.Method, r.PathAndQuery, r.Body, r.Status, r.ResponseBody)).ToArray();
        var problems = (await BigCommerceApi.CheckRequestsAsync(exchanges)).Concat(await BigCommerceApi.CheckAnswersAsync(exchanges)).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }
}
