using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Xunit;

namespace Switchboard.Scheduler.Tests;

/// <summary>Two Scheduler replicas on one state database: each tick of a schedule starts one run, not two.</summary>
public sealed class TickClaimTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 7, 0, TimeSpan.Zero));
    private readonly string _state = Directory.CreateTempSubdirectory("switchboard-ticks-").FullName;
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<CronTrigger> _triggers = [];
    private string? _postgres;
    private readonly RecordingLogger<CronTrigger> _log = new();

    private static readonly Integration Integration = new()
    {
        Incoming = new Dictionary<string, IncomingConfig>
        {
            ["bc-products"] = new() { Name = "bc-products", Client = "bc", Entity = "catalog/products", Schedule = "*/15 * * * *" },
        },
    };

    /// <summary>SQLite (one file the replicas share) and PostgreSQL (POSTGRES_CONNECTION, a database of the test's own).</summary>
    public static TheoryData<string> States => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Two_replicas_on_one_database_send_one_run_trigger_per_tick(string state)
    {
        if (state == "postgres") _postgres = NewPostgresDatabase();
        var harness = await StartHarnessAsync();
        var first = await StartReplicaAsync(harness);
        await StartReplicaAsync(harness);

        await AdvanceAsync(TimeSpan.FromMinutes(8), ticks: 1); // 10:15
        await AdvanceAsync(TimeSpan.FromMinutes(15), ticks: 2); // 10:30

        var sent = harness.Sent.Select<RunIncoming>(TestContext.Current.CancellationToken).Select(s => s.Context.Message).ToList();
        Assert.Equal(2, sent.Count);
        await using var db = await first.GetRequiredService<IDbContextFactory<SchedulerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ticks = await db.Ticks.OrderBy(t => t.ScheduledAt).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([new DateTime(2026, 3, 2, 10, 15, 0), new DateTime(2026, 3, 2, 10, 30, 0)], ticks.Select(t => t.ScheduledAt));
        // The run each tick records is the run that was sent.
        Assert.Equal(sent.Select(s => s.RunId).Order(), ticks.Select(t => t.RunId).Order());
    }

    [Fact]
    public async Task A_tick_claimed_by_another_replica_is_not_claimed_again()
    {
        var replica = await StartReplicaAsync(await StartHarnessAsync(), startTrigger: false);
        var claims = replica.GetRequiredService<TickClaims>();
        var tick = new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero);
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await claims.TryClaimAsync("bc-products", tick, Guid.NewGuid(), ct));
        Assert.False(await claims.TryClaimAsync("bc-products", tick, Guid.NewGuid(), ct));
        // The same instant of another incoming, and the next tick, are free.
        Assert.True(await claims.TryClaimAsync("ecwid-orders", tick, Guid.NewGuid(), ct));
        Assert.True(await claims.TryClaimAsync("bc-products", tick.AddMinutes(15), Guid.NewGuid(), ct));
    }

    [Fact]
    public async Task Replicas_starting_together_on_a_new_database_all_start()
    {
        // Several fresh databases: the race of the replicas' CREATE TABLEs does not come every time.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var state = Path.Combine(_state, $"fresh-{attempt}");
            var replicas = Enumerable.Range(0, 4).Select(_ =>
            {
                var services = new ServiceCollection().AddLogging();
                services.AddStateDatabase<SchedulerDbContext>("scheduler", null, state);
                var provider = services.BuildServiceProvider(true);
                _providers.Add(provider);
                return provider;
            }).ToList();

            await Task.WhenAll(replicas.Select(p => Task.Run(async () =>
            {
                foreach (var hosted in p.GetServices<IHostedService>()) await hosted.StartAsync(TestContext.Current.CancellationToken);
            }, TestContext.Current.CancellationToken)));
        }
    }

    private async Task<ITestHarness> StartHarnessAsync()
    {
        var provider = new ServiceCollection().AddLogging().AddMassTransitTestHarness().BuildServiceProvider(true);
        _providers.Add(provider);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }

    /// <summary>A replica: its own services and trigger, the shared state folder (one SQLite file), the harness's bus.</summary>
    private async Task<ServiceProvider> StartReplicaAsync(ITestHarness harness, bool startTrigger = true)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStateDatabase<SchedulerDbContext>("scheduler", _postgres, _state);
        services.AddSingleton<TimeProvider>(_clock).AddSingleton<TickClaims>();
        var provider = services.BuildServiceProvider(true);
        _providers.Add(provider);
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(TestContext.Current.CancellationToken);
        if (startTrigger)
        {
            var trigger = new CronTrigger(Integration, new QueueAddresses(new SwitchboardOptions()), harness.Bus, provider.GetRequiredService<TickClaims>(), _clock,
                _log);
            await trigger.StartAsync(TestContext.Current.CancellationToken);
            _triggers.Add(trigger);
            // The trigger reads the clock for its first occurrence on its own thread: before the test moves it.
            await WaitForOccurrencesAsync(_triggers.Count);
        }
        return provider;
    }

    private static string NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("POSTGRES_CONNECTION");
        if (string.IsNullOrEmpty(server))
        {
            const string reason = "no PostgreSQL: POSTGRES_CONNECTION is not set (.ci/run sets it after starting Debian's PostgreSQL)";
            Console.Error.WriteLine($"SKIPPED: {reason}");
            Assert.Skip(reason);
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = $"switchboard_test_{Guid.NewGuid():N}" }.ConnectionString;
    }

    /// <summary>Moves the clock, then waits (a minute at most) until each trigger has dealt with the ticks so far:
    /// a trigger names its next occurrence at start and again once it has sent a tick's run or found it claimed.</summary>
    private async Task AdvanceAsync(TimeSpan by, int ticks)
    {
        _clock.Advance(by);
        await WaitForOccurrencesAsync(_triggers.Count * (1 + ticks));
    }

    private async Task WaitForOccurrencesAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (NextOccurrencesLogged() < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the triggers dealt with {NextOccurrencesLogged()} of {expected} occurrences:\n{string.Join("\n", _log.Messages)}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private int NextOccurrencesLogged() => _log.Messages.Count(m => m.Contains("runs next at"));

    public async ValueTask DisposeAsync()
    {
        foreach (var trigger in _triggers) await trigger.StopAsync(CancellationToken.None);
        foreach (var provider in _providers) await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("POSTGRES_CONNECTION"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_postgres).Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_state, recursive: true); } catch (IOException) { }
    }
}
