using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Switchboard.Configuration;
using Switchboard.Host;
using Switchboard.Host.Runs;
using Switchboard.Host.Tasks;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Switchboard.Sandbox;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A sandbox on free ports, an integration file written against it, and the whole pipeline run on the
/// chosen transport, as <c>switchboard run</c> does.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public required SandboxServer Sandbox { get; init; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("switchboard-test-").FullName;
    public string StateFolder => Path.Combine(Folder, "state");
    /// <summary>The test's own PostgreSQL database for the Scheduler and the Transformer (a schema each, as in the
    /// compose stack); null for SQLite files in <see cref="StateFolder"/>.</summary>
    public string? PostgresDatabase { get; private init; }

    /// <param name="state"><c>sqlite</c> or <c>postgres</c>: where the services keep their state.</param>
    public static async Task<PipelineHarness> StartAsync(int bigCommerceProducts = 0, int ecwidProducts = 0, int csCartProducts = 0,
        int commercetoolsProducts = 0, string state = "sqlite") => new()
    {
        PostgresDatabase = state == "postgres" ? PostgresServer.NewDatabase() : null,
        Sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true,
            SeedBigCommerceProducts = bigCommerceProducts,
            SeedEcwidProducts = ecwidProducts,
            SeedCsCartProducts = csCartProducts,
            SeedCommercetoolsProducts = commercetoolsProducts,
            EnforceRateLimits = false,
        }, TestContext.Current.CancellationToken),
    };

    /// <summary>The two sandbox clients, then the given incoming, outgoing and routes sections.</summary>
    public string WriteIntegration(string sections, string? bigCommerceToken = null, string? ecwidToken = null)
    {
        var yaml = $"""
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: {Sandbox.BigCommerce.BaseUri}
                accessToken: "{bigCommerceToken ?? Sandbox.BigCommerce.AccessToken}"
              ecwid-store:
                platform: ecwid
                baseUri: {Sandbox.Ecwid.BaseUri}
                storeId: "{Sandbox.Ecwid.StoreId}"
                auth: {"{"} type: token, accessToken: "{ecwidToken ?? Sandbox.Ecwid.AccessToken}" {"}"}
            {sections}
            """;
        var path = Path.Combine(Folder, "integration.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public const string ProductsToEcwid = """
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
            query: { limit: 250 }
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            method: POST
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            transformers:
              - map: { payload.name: name, payload.sku: sku, payload.price: price, payload.weight: weight }
        """;

    /// <summary>Products to Ecwid keyed by the BigCommerce id: a product already sent is updated, not created again.</summary>
    public const string UpsertedProductsToEcwid = """
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
            query: { limit: 250 }
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            upsert: { create: POST, update: PUT }
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            key: id
            transformers:
              - map: { payload.name: name, payload.sku: sku, payload.price: price }
        """;

    public static Integration Load(string path)
    {
        var result = SwitchboardHost.TryLoadIntegration([path], AllModules.Create(runSchedules: false));
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return result.Integration!;
    }

    public async Task<SwitchboardOptions> OptionsAsync(string transport) => new()
    {
        Transport = transport == "rabbitmq" ? Transport.RabbitMq : Transport.InMemory,
        RabbitMqUri = transport == "rabbitmq" ? await RabbitMqBroker.RequireAsync() : null,
        StateDirectory = StateFolder,
        QueuePrefix = $"t{Guid.NewGuid():N}"[..9] + "-",
        ConnectionStrings = StateConnectionStrings,
    };

    /// <summary>As <c>SWITCHBOARD_DB_SCHEDULER</c> and <c>SWITCHBOARD_DB_TRANSFORMER</c> give them.</summary>
    public Dictionary<string, string> StateConnectionStrings => PostgresDatabase is null
        ? []
        : new() { ["scheduler"] = PostgresDatabase, ["transformer"] = PostgresDatabase };

    /// <summary>The environment of a <c>switchboard</c> command using this harness's state.</summary>
    public Dictionary<string, string> StateEnvironment => StateConnectionStrings.ToDictionary(p => $"SWITCHBOARD_DB_{p.Key.ToUpperInvariant()}", p => p.Value);

    /// <summary>The Transformer's state database, as the <c>tasks</c> command reads it.</summary>
    public IDbContextFactory<TransformerDbContext> TransformerState() =>
        TaskQuery.OpenState(StateFolder, PostgresDatabase) ?? throw new InvalidOperationException("nothing has run with this state yet");

    /// <summary>The Scheduler's state database: runs and watermarks.</summary>
    public IDbContextFactory<Scheduler.SchedulerDbContext> SchedulerState() =>
        new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<Scheduler.SchedulerDbContext>(
            new DbContextOptionsBuilder<Scheduler.SchedulerDbContext>().UseStateDatabase("scheduler", PostgresDatabase, StateFolder).Options);

    public Task<RunSummary> RunAsync(string integrationPath, string transport, params string[] incomings) =>
        RunAsync(integrationPath, transport, full: false, incomings);

    /// <param name="full">As <c>switchboard run --full</c>: unchanged entities are sent again.</param>
    public async Task<RunSummary> RunAsync(string integrationPath, string transport, bool full, params string[] incomings)
    {
        var integration = Load(integrationPath);
        var options = await OptionsAsync(transport);
        using var host = RunSession.BuildHost(options, integration, runSchedules: false, verbose: false);
        var ct = TestContext.Current.CancellationToken;
        await host.StartAsync(ct);
        try
        {
            return await RunSession.RunAsync(host, incomings.Length > 0 ? incomings : [.. integration.Incoming.Values.Where(i => i.Parent is null).Select(i => i.Name)],
                showProgress: false, TimeSpan.FromMinutes(3), ct, full);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        if (PostgresDatabase is not null) await PostgresServer.DropAsync(PostgresDatabase);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
