using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Connector.Ecwid;
using Switchboard.Connectors.Messaging;
using Switchboard.Contracts;
using Switchboard.Host.Runs;
using Switchboard.Scheduler;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>What happens after things go wrong: a crash between saving and sending, a message no retry could handle.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class RecoveryTests
{
    [Fact]
    public async Task Publish_commands_saved_before_a_crash_are_sent_on_recovery_and_their_tasks_finish()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync();
        var integration = PipelineHarness.Load(harness.WriteIntegration(PipelineHarness.ProductsToEcwid));
        using var host = RunSession.BuildHost(await harness.OptionsAsync("inmemory"), integration, runSchedules: false, verbose: false);
        await host.StartAsync(ct);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<TransformerDbContext>>();
        var route = integration.Routes["products-to-ecwid"];
        var page = new EntitiesFetched { RunId = Guid.NewGuid(), Incoming = "bc-products", Client = "bc-store", PageNumber = 1, Entities = [] };
        var task = TaskRecords.New(page, route, "42", DateTime.UtcNow);
        task.Status = TaskState.Processing;
        var command = PublishCommand.For(page.RunId, task, route, integration.Outgoing[route.To],
            new System.Text.Json.Nodes.JsonObject { ["payload"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "Saved before the crash", ["sku"] = "CRASH-1", ["price"] = 3 } });
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.Tasks.Add(task);
            db.Outbox.Add(TaskOutbox.Record(command, "ecwid", DateTime.UtcNow - TimeSpan.FromHours(1)));
            await db.SaveChangesAsync(ct);
        }

        var sent = await host.Services.GetRequiredService<TaskOutbox>().SendAbandonedAsync(ct);

        Assert.Equal(1, sent);
        var finished = await WaitForAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return (await db.Tasks.SingleAsync(t => t.TaskId == task.TaskId, ct)).Status == TaskState.Finished;
        });
        await host.StopAsync(CancellationToken.None);
        Assert.True(finished, "the task did not finish");
        Assert.Contains(harness.Sandbox.Ecwid.Products.All, p => p["sku"]?.ToString() == "CRASH-1");
        await using var after = await contexts.CreateDbContextAsync(ct);
        Assert.Empty(after.Outbox);
    }

    [Fact]
    public async Task A_fetch_that_faulted_ends_its_run_with_the_error_instead_of_leaving_it_running()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 10);
        var integration = PipelineHarness.Load(harness.WriteIntegration(PipelineHarness.ProductsToEcwid));
        // No BigCommerce connector in this process: the fetch waits in its queue, as if its consumer kept failing.
        using var host = RunSession.BuildHost(await harness.OptionsAsync("inmemory"), integration, runSchedules: false, verbose: false,
            [new SchedulerModule { RunSchedules = false }, new TransformerModule(), new ConnectorModule<EcwidPlatform>()]);
        await host.StartAsync(ct);
        var bus = host.Services.GetRequiredService<IBus>();
        var run = RunSession.RunAsync(host, ["bc-products"], showProgress: false, TimeSpan.FromMinutes(2), ct);
        var runId = await WaitForRunIdAsync(host, ct);

        var fetch = new FetchEntities
        {
            RunId = runId, Incoming = "bc-products", Client = "bc-store", Request = new EntityRequest { Entity = "catalog/products" },
        };
        await bus.Publish<Fault<FetchEntities>>(new MassTransit.Events.FaultEvent<FetchEntities>(fetch, Guid.NewGuid(),
            MassTransit.Metadata.HostMetadataCache.Host,
            new InvalidOperationException("the disk is full"), ["urn:message:Switchboard.Contracts:FetchEntities"]), ct);
        var summary = await run;
        await host.StopAsync(CancellationToken.None);

        var error = Assert.Single(summary.RunErrors);
        Assert.Contains("page 1 could not be fetched", error);
        Assert.Contains("the disk is full", error);
    }

    private static async Task<Guid> WaitForRunIdAsync(IHost host, CancellationToken ct)
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<SchedulerDbContext>>();
        Guid? id = null;
        await WaitForAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            id = (await db.Runs.FirstOrDefaultAsync(ct))?.RunId;
            return id is not null;
        });
        return id ?? throw new InvalidOperationException("the run never started");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
