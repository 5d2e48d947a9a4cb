using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Switchboard.Persistence;
using Switchboard.Sandbox;
using Switchboard.Scheduler;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The services as the compose stack runs them — each its own process, configured only by the environment
/// docker-compose.yml gives it — complete a scheduled 1,000-product sync, with two Scheduler replicas that start one
/// run for the tick, not two — on PostgreSQL as the compose stack keeps state, and on SQLite files.</summary>
/// <remarks>Each service runs from its build output (<c>bin/&lt;configuration&gt;/net10.0</c>, as
/// <see cref="ServiceProcess.BuildOutput"/> finds it), not from a <c>dotnet publish</c> made by the test: publishing
/// five projects would cost minutes per run, and the published folder holds the same assemblies the build output
/// holds (the images publish framework-dependent, without trimming or single-file), started the same way
/// (<c>dotnet Switchboard.X.dll</c>).</remarks>
[Collection(nameof(PipelineCollection))]
public sealed class PublishedServicesTests : IAsyncDisposable
{
    private const int Products = 1000;
    /// <summary>Enough for five processes to start on a busy two-core machine before the tick.</summary>
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan SyncLimit = TimeSpan.FromMinutes(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-processes-").FullName;
    private readonly List<(string Name, ServiceProcess Process, int HealthPort)> _services = [];
    private string? _postgres;

    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task Separate_service_processes_with_two_Scheduler_replicas_sync_1000_products_on_one_scheduled_tick(string state)
    {
        var broker = await RabbitMqBroker.RequireAsync();
        // The compose stack's state: one PostgreSQL database, a schema per service; or SQLite files, the Scheduler
        // replicas sharing one (as on a shared volume).
        _postgres = state == "postgres" ? PostgresServer.NewDatabase() : null;
        var schedulerDatabase = _postgres ?? $"Data Source={Path.Combine(_folder, "scheduler.db")};Default Timeout=60";
        var transformerDatabase = _postgres ?? $"Data Source={Path.Combine(_folder, "transformer.db")};Default Timeout=60";
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true, SeedBigCommerceProducts = Products, EnforceRateLimits = false,
        }, ct);
        // One tick, far enough ahead for every service to be ready; a daily schedule has no second tick in the test.
        var tick = DateTimeOffset.UtcNow.Add(StartUp);
        tick = new DateTimeOffset(tick.Year, tick.Month, tick.Day, tick.Hour, tick.Minute, tick.Second, TimeSpan.Zero);
        var integration = WriteIntegration($"{tick.Second} {tick.Minute} {tick.Hour} * * *");
        var environment = ComposeEnvironment(broker, sandbox, integration);

        Start("connector-bigcommerce", "Connector.BigCommerce", environment);
        Start("connector-ecwid", "Connector.Ecwid", environment);
        Start("transformer", "Transformer", environment, ("SWITCHBOARD_DB_TRANSFORMER", transformerDatabase));
        Start("scheduler-1", "Scheduler", environment, ("SWITCHBOARD_DB_SCHEDULER", schedulerDatabase));
        Start("scheduler-2", "Scheduler", environment, ("SWITCHBOARD_DB_SCHEDULER", schedulerDatabase));
        foreach (var (name, process, port) in _services)
            await HealthEndpointTests.PollAsync(port, "/health/ready", status => status == HttpStatusCode.OK, process);
        Assert.True(DateTimeOffset.UtcNow < tick, $"the services were ready only after the tick at {tick:u}:\n{Outputs()}");

        var synced = await WaitForSyncAsync(sandbox, schedulerDatabase, tick);
        // SIGTERM, as the orchestrator stops them: in-flight messages finish, so whatever a second run would have
        // published is in the store before it is counted.
        foreach (var (_, process, _) in _services) await process.StopAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{Products} products synced {synced.TotalSeconds:0.0} s after the tick");

        var ecwid = sandbox.Ecwid.Products.All;
        Assert.Equal(Products, ecwid.Count);
        Assert.Equal(Products, ecwid.Select(p => p["sku"]!.ToString()).Distinct().Count());
        await using var db = SchedulerDatabase(schedulerDatabase);
        var run = Assert.Single(await db.Runs.ToListAsync(ct));
        Assert.Equal(("schedule", RunStatus.Completed, Products), (run.Trigger, run.Status, run.Entities));
        var claimed = Assert.Single(await db.Ticks.ToListAsync(ct));
        Assert.Equal((tick.UtcDateTime, run.RunId), (claimed.ScheduledAt, claimed.RunId));
        // Both replicas reached the tick: the one that did not claim it says so.
        Assert.Single(_services.Where(s => s.Name.StartsWith("scheduler")), s => Output(s.Process).Contains("was started by another Scheduler replica"));
    }

    /// <summary>The shipped example as the compose stack mounts it, with the schedule given. Client rate limits are
    /// lifted (the sandbox enforces none here) and the visibility filter dropped, so all 1,000 products go.</summary>
    private string WriteIntegration(string schedule)
    {
        var example = File.ReadAllText(Path.Combine(HealthEndpointTests.RepositoryRoot(), "examples", "bigcommerce-to-ecwid.yaml"));
        var yaml = example
            .Replace("schedule: \"*/15 * * * *\"", $"schedule: \"{schedule}\"")
            .Replace("logRequests: simple", "logRequests: none")
            .Replace("rateLimit: { requests: 600, perSeconds: 60 }", "rateLimit: { requests: 100000, perSeconds: 1 }")
            .Replace("      - filter: \"is_visible\"\n", "");
        Assert.Contains(schedule, yaml);
        var path = Path.Combine(_folder, "bigcommerce-to-ecwid.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>docker-compose.yml's x-service environment, pointed at this test's broker, sandbox and queues.
    /// SWITCHBOARD_QUORUM_QUEUES stays off: quorum queues outlive the test on the shared CI broker, and
    /// QuorumQueueTests proves the switch; OTEL_EXPORTER_OTLP_ENDPOINT is left out, there is no collector.</summary>
    private Dictionary<string, string> ComposeEnvironment(Uri broker, SandboxServer sandbox, string integration) => new()
    {
        ["RABBITMQ_URI"] = broker.ToString(),
        ["SWITCHBOARD_INTEGRATION"] = integration,
        ["SWITCHBOARD_QUEUE_PREFIX"] = $"p{Guid.NewGuid():N}"[..9] + "-",
        ["BIGCOMMERCE_BASE_URI"] = sandbox.BigCommerce.BaseUri.ToString().TrimEnd('/'),
        ["BIGCOMMERCE_ACCESS_TOKEN"] = sandbox.BigCommerce.AccessToken,
        ["ECWID_BASE_URI"] = sandbox.Ecwid.BaseUri.ToString().TrimEnd('/'),
        ["ECWID_STORE_ID"] = sandbox.Ecwid.StoreId.ToString(),
        ["ECWID_ACCESS_TOKEN"] = sandbox.Ecwid.AccessToken,
    };

    /// <summary>Starts <c>services/&lt;project&gt;</c> as the image does, with its own health port and state folder
    /// (the image's SWITCHBOARD_STATE, a volume per container).</summary>
    private void Start(string name, string project, Dictionary<string, string> shared, params (string Name, string Value)[] own)
    {
        var port = HealthEndpointTests.FreePort();
        var environment = new Dictionary<string, string>(shared)
        {
            ["SWITCHBOARD_HEALTH_PORT"] = port.ToString(),
            ["SWITCHBOARD_STATE"] = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName,
        };
        foreach (var (variable, value) in own) environment[variable] = value;
        var dll = Path.Combine(ServiceProcess.BuildOutput($"services/{project}"), $"Switchboard.{project}.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        _services.Add((name, ServiceProcess.Start(dll, [], environment), port));
    }

    /// <summary>Until the Ecwid sandbox holds every product and the Scheduler has recorded the run complete;
    /// returns the time from the tick.</summary>
    private async Task<TimeSpan> WaitForSyncAsync(SandboxServer sandbox, string schedulerDatabase, DateTimeOffset tick)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartUp + SyncLimit)
        {
            if (sandbox.Ecwid.Products.Count >= Products && await RunCompletedAsync(schedulerDatabase))
                return DateTimeOffset.UtcNow - tick;
            foreach (var (name, process, _) in _services)
                Assert.False(process.HasExited, $"{name} exited:\n{Output(process)}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"after {SyncLimit.TotalMinutes} minutes Ecwid holds {sandbox.Ecwid.Products.Count} of {Products} products; the services printed:\n{Outputs()}");
        return default;
    }

    private static async Task<bool> RunCompletedAsync(string schedulerDatabase)
    {
        await using var db = SchedulerDatabase(schedulerDatabase);
        return await db.Runs.AnyAsync(r => r.Status == RunStatus.Completed, TestContext.Current.CancellationToken);
    }

    private static SchedulerDbContext SchedulerDatabase(string connectionString) =>
        new(new DbContextOptionsBuilder<SchedulerDbContext>().UseStateDatabase("scheduler", connectionString, "").Options);

    private static string Output(ServiceProcess process)
    {
        lock (process.Output) return process.Output.ToString();
    }

    private string Outputs() => string.Join("\n", _services.Select(s => $"--- {s.Name}\n{Output(s.Process)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process, _) in _services) await process.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null) await PostgresServer.DropAsync(_postgres);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
