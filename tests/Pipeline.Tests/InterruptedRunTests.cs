using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Host.Runs;
using Switchboard.Host.Tasks;
using Switchboard.Hosting;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A <c>switchboard run</c> on the in-memory bus killed half-way: its publishes in flight are gone with it.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class InterruptedRunTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    [Fact]
    public async Task Tasks_a_killed_run_left_in_flight_are_listed_failed_as_interrupted_and_a_replay_completes_the_store_without_duplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 30);
        var skus = harness.Sandbox.BigCommerce.Products.All.Select(p => p["sku"]!.ToString()).ToList();
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var ecwid = harness.Sandbox.Ecwid;
        StopAnsweringAfterFiveWrites(ecwid);

        await using (var run = ServiceProcess.Start(Switchboard, ["run", file, "--state", harness.StateFolder], harness.StateEnvironment))
        {
            // Killed once every product the store has is recorded as finished: only unanswered publishes are in flight.
            var settled = await HalfWayAsync(harness, skus.Count, ct);
            Assert.True(settled, "the run never got half-way: " + run.Output);
        } // killed here, as by kill -9
        ecwid.Faults.Reset();
        var reached = ecwid.Products.Count;
        Assert.InRange(reached, 5, skus.Count - 1);

        var (listed, listing, listingErrors) = await ServiceProcess.RunAsync(Switchboard,
            ["tasks", "--state", harness.StateFolder, "--status", "failed", "--json"], harness.StateEnvironment, cancellationToken: ct);
        Assert.True(listed == 0, listing + listingErrors);
        var failed = JsonNode.Parse(listing)!.AsArray();
        Assert.Equal(skus.Count - reached, failed.Count);
        Assert.All(failed, t => Assert.Equal(InterruptedTasks.Reason, t!["reason"]!.ToString()));
        Assert.All(failed, t => Assert.Equal("failed", t!["history"]!.AsArray().Single()!["outcome"]!.ToString()));
        var (_, open, _) = await ServiceProcess.RunAsync(Switchboard,
            ["tasks", "--state", harness.StateFolder, "--status", "new", "processing", "--json"], harness.StateEnvironment, cancellationToken: ct);
        Assert.Empty(JsonNode.Parse(open)!.AsArray());

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["replay", file, "--failed", "--state", harness.StateFolder, "--json"], harness.StateEnvironment, cancellationToken: ct);

        Assert.True(exit == 0, stdout + stderr);
        var replay = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(skus.Count - reached, replay["totals"]!["published"]!.GetValue<int>());
        Assert.Equal(skus.Order(), ecwid.Products.All.Select(p => p["sku"]!.ToString()).Order());
        var after = await new TaskQuery().ReadAsync(harness.TransformerState(), ct);
        Assert.All(after, t => Assert.Equal("finished", t.Status));
        await using var db = await harness.TransformerState().CreateDbContextAsync(ct);
        Assert.Empty(await db.Outbox.ToListAsync(ct));
    }

    [Fact]
    public async Task Tasks_and_runs_of_a_running_process_are_left_alone_and_those_it_leaves_open_when_it_stops_fail_as_interrupted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync();
        var integration = PipelineHarness.Load(harness.WriteIntegration(PipelineHarness.ProductsToEcwid));
        using var host = RunSession.BuildHost(await harness.OptionsAsync("inmemory"), integration, runSchedules: false, verbose: false);
        await host.StartAsync(ct);
        var page = new EntitiesFetched { RunId = Guid.NewGuid(), Incoming = "bc-products", Client = "bc-store", PageNumber = 1, Entities = [] };
        var task = TaskRecords.New(page, integration.Routes["products-to-ecwid"], "42", DateTime.UtcNow, new JsonObject { ["id"] = 42 });
        task.Status = TaskState.Processing;
        task.Attempts = 1;
        var contexts = host.Services.GetRequiredService<IDbContextFactory<TransformerDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.Tasks.Add(task);
            await db.SaveChangesAsync(ct);
        }
        var runs = host.Services.GetRequiredService<IDbContextFactory<Scheduler.SchedulerDbContext>>();
        await using (var db = await runs.CreateDbContextAsync(ct))
        {
            db.Runs.Add(new Scheduler.RunRecord { RunId = page.RunId, Incoming = "bc-products", Trigger = "manual", StartedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }
        // And an earlier process killed on this folder: its marker is left, nobody holds it.
        await File.WriteAllTextAsync(Path.Combine(harness.StateFolder, InMemoryHostMarker.FolderName, "1-killed.lock"), "", ct);

        // While this process runs, its task may still be answered: `tasks` shows it in progress.
        var (listed, listing, listingErrors) = await ServiceProcess.RunAsync(Switchboard,
            ["tasks", "--state", harness.StateFolder, "--json"], harness.StateEnvironment, cancellationToken: ct);
        Assert.True(listed == 0, listing + listingErrors);
        Assert.Equal("processing", JsonNode.Parse(listing)!.AsArray().Single()!["status"]!.ToString());

        await host.StopAsync(CancellationToken.None);

        var rows = await new TaskQuery().ReadAsync(harness.TransformerState(), ct);
        var stopped = Assert.Single(rows);
        Assert.Equal("failed", stopped.Status);
        Assert.Equal(InterruptedTasks.Reason, stopped.Reason);
        await using var stoppedRuns = await harness.SchedulerState().CreateDbContextAsync(ct);
        var run = Assert.Single(await stoppedRuns.Runs.AsNoTracking().ToListAsync(ct));
        Assert.Equal(Scheduler.RunStatus.Failed, run.Status);
        Assert.Equal(Scheduler.InterruptedRuns.Error, run.Error);
    }

    [Fact]
    public async Task A_run_stopped_with_ctrl_c_while_publishes_hang_leaves_them_failed_as_interrupted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 12);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var ecwid = harness.Sandbox.Ecwid;
        StopAnsweringAfterFiveWrites(ecwid);
        await using (var run = ServiceProcess.Start(Switchboard, ["run", file, "--state", harness.StateFolder], harness.StateEnvironment))
        {
            var settled = await HalfWayAsync(harness, 12, ct);
            Assert.True(settled, "the run never got half-way: " + run.Output);
            // As Ctrl-C does; the command line gives the stop a moment, not the ten minutes the store would take.
            await run.StopAsync();
        }
        ecwid.Faults.Reset();

        var (listed, listing, listingErrors) = await ServiceProcess.RunAsync(Switchboard,
            ["tasks", "--state", harness.StateFolder, "--json"], harness.StateEnvironment, cancellationToken: ct);

        Assert.True(listed == 0, listing + listingErrors);
        var tasks = JsonNode.Parse(listing)!.AsArray();
        Assert.Equal(ecwid.Products.Count, tasks.Count(t => t!["status"]!.ToString() == "finished"));
        var failed = tasks.Where(t => t!["status"]!.ToString() == "failed").ToList();
        Assert.Equal(12 - ecwid.Products.Count, failed.Count);
        Assert.All(failed, t => Assert.Equal(InterruptedTasks.Reason, t!["reason"]!.ToString()));
    }

    /// <summary>After five products the store stops answering: the publishes after them hang until the process dies,
    /// which aborts them before the store handles them.</summary>
    private static void StopAnsweringAfterFiveWrites(Sandbox.EcwidEmulator ecwid)
    {
        var writes = 0;
        ecwid.Faults.RejectWhen(_ =>
        {
            if (Interlocked.Increment(ref writes) == 5) ecwid.Faults.Latency = TimeSpan.FromMinutes(10);
            return false;
        });
    }

    /// <summary>Every product the store has is recorded as finished and the rest are in flight.</summary>
    private static Task<bool> HalfWayAsync(PipelineHarness harness, int products, CancellationToken ct) =>
        WaitForAsync(async () =>
            harness.Sandbox.Ecwid.Products.Count >= 5
            && await CountAsync(harness.StateFolder, TaskState.Finished, ct) == harness.Sandbox.Ecwid.Products.Count
            && await CountAsync(harness.StateFolder, TaskState.Processing, ct) == products - harness.Sandbox.Ecwid.Products.Count);

    private static async Task<int> CountAsync(string stateFolder, TaskState status, CancellationToken ct)
    {
        if (TaskQuery.OpenState(stateFolder, null) is not { } contexts) return -1;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Tasks.CountAsync(t => t.Status == status, ct);
        }
        catch (SqliteException)
        {
            return -1; // not migrated yet, or busy
        }
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
