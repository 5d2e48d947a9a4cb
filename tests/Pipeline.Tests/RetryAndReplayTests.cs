using System.Text.Json.Nodes;
using Switchboard.Host.Commands;
using Switchboard.Host.Tasks;
using Switchboard.Sandbox;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A route whose target refuses some entities: automatic retries, the task records, and replay after the fix.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class RetryAndReplayTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    private const string Refusal = "Field 'sku' holds a word this store does not allow";

    [Theory]
    [MemberData(nameof(StateTheories.TransportsAndStates), MemberType = typeof(StateTheories))]
    public async Task Refused_entities_retry_with_growing_delays_end_failed_and_a_replay_after_the_fix_publishes_them_and_nothing_else(string transport, string stateKind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 20, state: stateKind);
        var products = harness.Sandbox.BigCommerce.Products.All;
        var ecwid = harness.Sandbox.Ecwid;
        var refused = new[] { 2, 9, 15 }.Select(i => products[i]["sku"]!.ToString()).ToHashSet();
        ecwid.Faults.RejectWhen(p => refused.Contains(p["sku"]?.ToString() ?? ""), message: Refusal);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid + "\n    retry: { attempts: 4, backoff: 20ms..50ms }");
        var state = Path.Combine(harness.Folder, "state");
        long[] plannedDelays = [20, 40, 50];

        var summary = await harness.RunAsync(file, transport);

        Assert.Equal(17, summary.Routes["products-to-ecwid"].Published);
        Assert.Equal(3, summary.Routes["products-to-ecwid"].Failed);
        Assert.Equal(17, ecwid.Products.Count);
        var failed = await new TaskQuery { Statuses = [TaskState.Failed] }.ReadAsync(harness.TransformerState(), ct);
        Assert.Equal(refused, failed.Select(t => SkuOf(products, t.EntityKey)).ToHashSet());
        foreach (var task in failed)
        {
            Assert.Equal(4, task.Attempts);
            Assert.Equal(["retrying", "retrying", "retrying", "failed"], task.History.Select(a => a.Outcome));
            Assert.Equal([20L, 40L, 50L, null], task.History.Select(a => a.RetryDelayMilliseconds));
            // Each try came no sooner than its delay after the one before: as the task recorded the tries' ends, and
            // as the store received them.
            var ends = task.History.Select(a => a.EndedAt).ToArray();
            var received = ecwid.Requests.Where(r => r.Method == "POST" && SkusIn([r]).Contains(SkuOf(products, task.EntityKey)))
                .Select(r => r.ReceivedAt).Order().ToArray();
            Assert.Equal(4, received.Length);
            for (var i = 0; i < plannedDelays.Length; i++)
            {
                Assert.True(ends[i + 1] - ends[i] >= TimeSpan.FromMilliseconds(plannedDelays[i]),
                    $"attempt {i + 2} ended {(ends[i + 1] - ends[i]).TotalMilliseconds} ms after attempt {i + 1}; planned delay {plannedDelays[i]} ms");
                Assert.True(received[i + 1] - received[i] >= TimeSpan.FromMilliseconds(plannedDelays[i]),
                    $"try {i + 2} reached the store {(received[i + 1] - received[i]).TotalMilliseconds} ms after try {i + 1}; planned delay {plannedDelays[i]} ms");
            }
            Assert.All(task.History, a => Assert.Contains(Refusal, a.Error));
            Assert.Contains("HTTP 400", task.Reason);
            Assert.Contains(Refusal, task.Reason);
            Assert.StartsWith("POST ", task.Request);
            Assert.Contains("/products", task.Request);
            Assert.Equal($"HTTP 400: {Refusal}", task.Response);
            Assert.DoesNotContain(ecwid.AccessToken, task.Request + task.Response + task.Reason);
        }

        // The command line shows the same, as a user sees it.
        var (listed, listing, listingErrors) = await ServiceProcess.RunAsync(Switchboard,
            ["tasks", "--state", state, "--status", "failed", "--json"], harness.StateEnvironment, cancellationToken: ct);
        Assert.True(listed == 0, listing + listingErrors);
        var shown = JsonNode.Parse(listing)!.AsArray();
        Assert.Equal(3, shown.Count);
        Assert.All(shown, t => Assert.Equal(4, t!["attempts"]!.GetValue<int>()));
        Assert.All(shown, t => Assert.Contains(Refusal, t!["reason"]!.ToString()));

        ecwid.Faults.Reset();
        ecwid.ClearRequests();
        var environment = new Dictionary<string, string>(harness.StateEnvironment);
        if (transport == "rabbitmq")
        {
            environment["RABBITMQ_URI"] = (await RabbitMqBroker.RequireAsync()).ToString();
            environment["SWITCHBOARD_QUEUE_PREFIX"] = $"t{Guid.NewGuid():N}"[..9] + "-";
        }
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["replay", file, "--failed", "--state", state, "--transport", transport, "--json"], environment, cancellationToken: ct);

        Assert.True(exit == 0, stdout + stderr);
        var replay = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(3, replay["replayed"]!.GetValue<int>());
        Assert.Equal(3, replay["totals"]!["published"]!.GetValue<int>());
        Assert.Equal(0, replay["totals"]!["failed"]!.GetValue<int>());
        // Exactly the failed ones were written to the store, each once.
        var writes = ecwid.Requests.Where(r => r.Method != "GET").ToList();
        Assert.Equal(3, writes.Count);
        Assert.All(writes, r => Assert.Equal("POST", r.Method));
        Assert.Equal(refused, SkusIn(writes));
        Assert.Equal(20, ecwid.Products.Count);
        Assert.Equal(products.Select(p => p["sku"]!.ToString()).Order(), ecwid.Products.All.Select(p => p["sku"]!.ToString()).Order());
        var after = await new TaskQuery().ReadAsync(harness.TransformerState(), ct);
        Assert.All(after, t => Assert.Equal("finished", t.Status));
        Assert.Equal(17, after.Count(t => t.Attempts == 1));
        Assert.All(after.Where(t => refused.Contains(SkuOf(products, t.EntityKey))), t => Assert.Equal(5, t.Attempts));
    }

    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task A_replay_of_one_run_sends_its_failed_tasks_through_the_route_as_configured_now(string stateKind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 10, state: stateKind);
        var products = harness.Sandbox.BigCommerce.Products.All;
        var refused = new[] { 1, 6 }.Select(i => products[i]["sku"]!.ToString()).ToHashSet();
        // This store wants a description on these products; the route sends none until it is changed.
        harness.Sandbox.Ecwid.Faults.RejectWhen(p => refused.Contains(p["sku"]?.ToString() ?? "") && p["description"] is null,
            message: "Field 'description' is required");
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var first = await harness.RunAsync(file, "inmemory");
        Assert.Equal(2, first.Routes["products-to-ecwid"].Failed);
        var state = Path.Combine(harness.Folder, "state");
        var failed = await new TaskQuery { Statuses = [TaskState.Failed] }.ReadAsync(harness.TransformerState(), ct);
        // No retry on the route: one try, failed at once.
        Assert.All(failed, t => Assert.Equal(["failed"], t.History.Select(a => a.Outcome)));

        harness.WriteIntegration(PipelineHarness.ProductsToEcwid + "\n      - set: { payload.description: \"Imported as {{payload.sku}}\" }");
        var runPrefix = failed[0].RunId.ToString()[..8];
        var replay = await ReplayCommand.ExecuteAsync(PipelineHarness.Load(file), await harness.OptionsAsync("inmemory"),
            new TaskQuery { Run = runPrefix, Statuses = [TaskState.Failed] }, TimeSpan.FromMinutes(2), verbose: false, ct);

        Assert.Equal(2, replay.Replayed);
        Assert.Equal(2, replay.Totals.Published);
        Assert.Equal(10, harness.Sandbox.Ecwid.Products.Count);
        foreach (var product in harness.Sandbox.Ecwid.Products.All)
        {
            var expected = refused.Contains(product["sku"]!.ToString()) ? $"Imported as {product["sku"]}" : "";
            Assert.Equal(expected, product["description"]!.ToString());
        }
    }

    [Fact]
    public async Task A_failed_task_sent_again_by_a_later_run_is_not_replayed_over_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var products = harness.Sandbox.BigCommerce.Products.All;
        var refused = products[3]["sku"]!.ToString();
        harness.Sandbox.Ecwid.Faults.RejectWhen(p => p["sku"]?.ToString() == refused, message: Refusal);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        Assert.Equal(1, (await harness.RunAsync(file, "inmemory")).Routes["products-to-ecwid"].Failed);

        // Fixed in the store; the next scheduled run sends the product, and a newer price with it.
        harness.Sandbox.Ecwid.Faults.Reset();
        harness.Sandbox.BigCommerce.Products.Update(products[3]["id"]!.GetValue<long>(), p => p["price"] = 99.5m);
        Assert.Equal(0, (await harness.RunAsync(file, "inmemory")).Routes["products-to-ecwid"].Failed);
        harness.Sandbox.Ecwid.ClearRequests();

        var replay = await ReplayCommand.ExecuteAsync(PipelineHarness.Load(file), await harness.OptionsAsync("inmemory"),
            new TaskQuery { Statuses = [TaskState.Failed] }, TimeSpan.FromMinutes(2), verbose: false, ct);

        Assert.Equal(0, replay.Totals.Published);
        Assert.Equal(1, replay.Totals.Skipped);
        Assert.DoesNotContain(harness.Sandbox.Ecwid.Requests, r => r.Method != "GET");
        Assert.Equal(99.5m, harness.Sandbox.Ecwid.Products.All.Single(p => p["sku"]!.ToString() == refused)["price"]!.GetValue<decimal>());
        var skipped = await new TaskQuery { Statuses = [TaskState.Skipped] }.ReadAsync(TaskQuery.OpenState(Path.Combine(harness.Folder, "state"))!, ct);
        Assert.Single(skipped, t => t.Reason!.StartsWith("superseded by task", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_says_what_to_replay_when_no_selection_is_given()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var (exit, _, stderr) = await ServiceProcess.RunAsync(Switchboard, ["replay", file, "--state", Path.Combine(harness.Folder, "state")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("say which failed tasks to replay: --run R, --task T or --failed", stderr);
    }

    private static HashSet<string> SkusIn(IEnumerable<RecordedRequest> requests) =>
        requests.Select(r => JsonNode.Parse(r.Body!)!["sku"]!.ToString()).ToHashSet();

    private static string SkuOf(IReadOnlyList<JsonObject> products, string id) =>
        products.Single(p => p["id"]!.ToString() == id)["sku"]!.ToString();
}
