using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Contracts;
using Switchboard.Host.Runs;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A retrying task waits in the database for its time, on the Transformer's clock, and is then sent.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class RetryTimingTests
{
    [Fact]
    public async Task A_retrying_task_is_sent_when_its_time_has_come_and_not_before()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync();
        var integration = PipelineHarness.Load(harness.WriteIntegration(PipelineHarness.ProductsToEcwid + "\n    retry: { attempts: 3, backoff: 1m..1h }"));
        using var host = RunSession.BuildHost(await harness.OptionsAsync("inmemory"), integration, runSchedules: false, verbose: false);
        await host.StartAsync(ct);
        var contexts = host.Services.GetRequiredService<IDbContextFactory<TransformerDbContext>>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var resender = new TaskResender(contexts, host.Services.GetRequiredService<TaskDispatcher>(), host.Services.GetRequiredService<TaskOutbox>(), clock);
        var page = new EntitiesFetched { RunId = Guid.NewGuid(), Incoming = "bc-products", Client = "bc-store", PageNumber = 1, Entities = [] };
        var source = new JsonObject { ["id"] = 7, ["name"] = "Waited its turn", ["sku"] = "WAIT-7", ["price"] = 5 };
        var task = TaskRecords.New(page, integration.Routes["products-to-ecwid"], "7", clock.GetUtcNow().UtcDateTime, source);
        task.Status = TaskState.Retrying;
        task.Attempts = 1;
        task.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.Tasks.Add(task);
            await db.SaveChangesAsync(ct);
        }

        var early = await resender.SendDueAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var due = await resender.SendDueAsync(ct);

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        TaskRecord? ended = null;
        for (var i = 0; i < 300 && ended?.Status is not TaskState.Finished; i++)
        {
            await Task.Delay(100, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            ended = await db.Tasks.AsNoTracking().SingleAsync(t => t.TaskId == task.TaskId, ct);
        }
        await host.StopAsync(CancellationToken.None);
        Assert.Equal(TaskState.Finished, ended!.Status);
        Assert.Equal(2, ended.Attempts);
        Assert.Contains(harness.Sandbox.Ecwid.Products.All, p => p["sku"]?.ToString() == "WAIT-7" && p["name"]?.ToString() == "Waited its turn");
    }
}
