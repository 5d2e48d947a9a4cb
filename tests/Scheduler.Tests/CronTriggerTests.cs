using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Xunit;

namespace Switchboard.Scheduler.Tests;

/// <summary>Schedules fire at their cron occurrences, in their time zones, and survive schedules months away.</summary>
public sealed class CronTriggerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 7, 0, TimeSpan.Zero));
    private readonly string _state = Directory.CreateTempSubdirectory("switchboard-cron-").FullName;
    private ServiceProvider? _services;

    private async Task<(CronTrigger Trigger, ITestHarness Harness)> StartAsync(string schedule, string? timeZone = null)
    {
        var integration = new Integration
        {
            Incoming = new Dictionary<string, IncomingConfig>
            {
                ["bc-products"] = new() { Name = "bc-products", Client = "bc", Entity = "catalog/products", Schedule = schedule, TimeZone = timeZone },
            },
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new QueueAddresses(new SwitchboardOptions()))
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<TickClaims>()
            .AddMassTransitTestHarness();
        services.AddStateDatabase<SchedulerDbContext>("scheduler", null, _state);
        _services = services.BuildServiceProvider(true);
        foreach (var hosted in _services.GetServices<IHostedService>().Where(h => h is not CronTrigger))
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        var harness = _services.GetRequiredService<ITestHarness>();
        await harness.Start();
        var trigger = new CronTrigger(integration, _services.GetRequiredService<QueueAddresses>(), harness.Bus, _services.GetRequiredService<TickClaims>(), _clock,
            NullLogger<CronTrigger>.Instance);
        await trigger.StartAsync(TestContext.Current.CancellationToken);
        return (trigger, harness);
    }

    [Fact]
    public async Task A_quarter_hourly_schedule_sends_a_run_trigger_at_the_next_quarter()
    {
        var (trigger, harness) = await StartAsync("*/15 * * * *");

        await AdvanceAsync(TimeSpan.FromMinutes(7));
        Assert.Equal(0, SentCount(harness));
        await AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.True(await harness.Sent.Any<RunIncoming>(x => x.Context.Message.Incoming == "bc-products" && x.Context.Message.Trigger == "schedule",
            TestContext.Current.CancellationToken));
        await trigger.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_schedule_months_away_waits_without_failing()
    {
        var (trigger, harness) = await StartAsync("0 0 29 2 *");

        for (var day = 0; day < 3; day++) await AdvanceAsync(TimeSpan.FromDays(1));

        Assert.False(trigger.ExecuteTask!.IsFaulted, trigger.ExecuteTask.Exception?.ToString());
        Assert.False(trigger.ExecuteTask.IsCompleted);
        Assert.Equal(0, SentCount(harness));
        await trigger.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_schedule_runs_in_its_time_zone()
    {
        // 11:00 in Berlin is 10:00 UTC in March (before summer time): from 10:07 UTC that is tomorrow.
        var (trigger, harness) = await StartAsync("0 11 * * *", "Europe/Berlin");

        await AdvanceAsync(TimeSpan.FromHours(23));
        Assert.Equal(0, SentCount(harness));
        await AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(1, SentCount(harness));
        await trigger.StopAsync(CancellationToken.None);
    }

    private static int SentCount(ITestHarness harness) => harness.Sent.Select<RunIncoming>().Count();

    private async Task AdvanceAsync(TimeSpan by)
    {
        _clock.Advance(by);
        // Let the trigger's continuation run and its send reach the harness.
        for (var i = 0; i < 20; i++) await Task.Delay(10);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_state, recursive: true); } catch (IOException) { }
    }
}
