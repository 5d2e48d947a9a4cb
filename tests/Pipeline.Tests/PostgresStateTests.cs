using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Switchboard.Host.Runs;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>State on PostgreSQL: replicas that start together, a schema per service with its own migration history,
/// and a database a newer version migrated.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class PostgresStateTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    [Fact]
    public async Task Three_hosts_starting_at_once_on_a_new_database_all_come_up_and_then_sync_through_the_schemas_they_made()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5, state: "postgres");
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var integration = PipelineHarness.Load(file);
        var options = await harness.OptionsAsync("inmemory");
        // The same database named the other way a user may write it.
        var asUri = UriOf(harness.PostgresDatabase!);
        var uriOptions = options with { ConnectionStrings = new Dictionary<string, string> { ["scheduler"] = asUri, ["transformer"] = asUri } };
        var hosts = new[] { options, options, uriOptions }.Select(o => RunSession.BuildHost(o, integration, runSchedules: false, verbose: false)).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await Task.WhenAll(hosts.Select(h => h.StartAsync(timeout.Token)));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            }
        }

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(5, harness.Sandbox.Ecwid.Products.Count);
        var tables = await QueryAsync(harness.PostgresDatabase!,
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('scheduler', 'transformer', 'public')");
        Assert.Equal(
            ["scheduler.__EFMigrationsHistory", "scheduler.runs", "scheduler.ticks", "scheduler.watermarks",
             "transformer.__EFMigrationsHistory", "transformer.key_mappings", "transformer.outbox", "transformer.run_pages",
             "transformer.task_attempts", "transformer.tasks"],
            tables.Order(StringComparer.Ordinal));
        Assert.Single(await QueryAsync(harness.PostgresDatabase!, "SELECT \"MigrationId\" FROM scheduler.\"__EFMigrationsHistory\""));
        // Each migration once, though three hosts reached it.
        await using var transformer = await harness.TransformerState().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(transformer.Database.GetMigrations(),
            await QueryAsync(harness.PostgresDatabase!, "SELECT \"MigrationId\" FROM transformer.\"__EFMigrationsHistory\" ORDER BY \"MigrationId\""));
    }

    [Fact]
    public async Task A_postgres_state_a_newer_version_migrated_stops_the_run_naming_the_database_and_schema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5, state: "postgres");
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        string[] run = ["run", file, "--json", "--state", harness.StateFolder];
        var first = await ServiceProcess.RunAsync(Switchboard, run, harness.StateEnvironment, cancellationToken: ct);
        Assert.True(first.ExitCode == 0, first.StdOut + first.StdErr);
        Assert.False(File.Exists(Path.Combine(harness.StateFolder, "transformer.db")), "the state went to a SQLite file");
        await QueryAsync(harness.PostgresDatabase!, "INSERT INTO transformer.\"__EFMigrationsHistory\" VALUES ('29991231000000_FromANewerVersion', '11.0.0')");

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, run, harness.StateEnvironment, cancellationToken: ct);

        Assert.NotEqual(0, exit);
        var database = new NpgsqlConnectionStringBuilder(harness.PostgresDatabase).Database;
        Assert.Contains($"the state database '{database}' (schema 'transformer') was migrated by a newer version of Switchboard", stdout + stderr);
        Assert.Equal(5, harness.Sandbox.Ecwid.Products.Count);
    }

    private static string UriOf(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) rows.Add(reader.GetString(0));
        return rows;
    }
}
