using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Switchboard.Persistence;
using Switchboard.Sandbox;
using Switchboard.Scheduler;
using Switchboard.Transformer;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>Upgrading keeps the state: a database an earlier version made is taken over with its rows, and one a
/// newer version migrated is refused by name rather than half-used.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class StateMigrationTests
{
    private const int Products = 5;

    [Theory]
    [MemberData(nameof(StateTheories.States), MemberType = typeof(StateTheories))]
    public async Task A_state_database_from_before_migrations_is_taken_over_and_its_key_mappings_turn_the_next_run_into_updates(string state)
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: Products, ecwidProducts: Products, state: state);
        var ecwid = harness.Sandbox.Ecwid;
        var mapped = harness.Sandbox.BigCommerce.Products.All.Zip(ecwid.Products.All,
            (source, target) => (Source: source["id"]!.ToString(), Target: target["id"]!.ToString())).ToList();
        var now = state == "postgres" ? "now()" : "'2026-11-30 12:00:00'";
        await PreMigrationDatabase.CreateAsync(harness, "scheduler");
        await PreMigrationDatabase.CreateAsync(harness, "transformer", mapped.Select(m =>
            $"""INSERT INTO key_mappings ("Route", "SourceKey", "TargetId", "Fingerprint", "UpdatedAt") VALUES ('products-to-ecwid', '{m.Source}', '{m.Target}', NULL, {now})""").ToArray());
        var file = harness.WriteIntegration(PipelineHarness.UpsertedProductsToEcwid);

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        var writes = ecwid.Requests.Where(r => r.Method is not "GET" && r.PathAndQuery.Contains("/products", StringComparison.Ordinal)).ToList();
        Assert.All(writes, w => Assert.Equal("PUT", w.Method));
        Assert.Equal(mapped.Select(m => $"/products/{m.Target}").Order(), writes.Select(ProductPath).Order());
        Assert.Equal(Products, ecwid.Products.Count);
        foreach (var service in new[] { "scheduler", "transformer" })
        {
            var history = await PreMigrationDatabase.QueryAsync(harness, service, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"");
            Assert.Contains(history, id => id.EndsWith("_InitialState", StringComparison.Ordinal));
            Assert.Empty(await PreMigrationDatabase.QueryAsync(harness, service, state == "postgres"
                ? $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{service}' AND table_name = 'switchboard_schema'"
                : "SELECT name FROM sqlite_master WHERE name = 'switchboard_schema'"));
        }
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_process_stopped_while_migrating_does_not_hold_up_the_next_start()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: Products);
        Directory.CreateDirectory(harness.StateFolder);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(harness.StateFolder, "transformer.db")};Pooling=false"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-30 12:00:00.0000000+00:00');
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.True(summary.Succeeded, string.Join("\n", summary.RunErrors.Concat(summary.Errors)));
        Assert.Equal(Products, harness.Sandbox.Ecwid.Products.Count);
    }

    [Theory]
    [InlineData("Data Source=model-check.db")]
    [InlineData("Host=localhost;Database=model-check")]
    public void Every_change_to_a_state_model_comes_with_its_migration(string connectionString)
    {
        using var scheduler = new SchedulerDbContext(
            new DbContextOptionsBuilder<SchedulerDbContext>().UseStateDatabase("scheduler", connectionString, "").Options);
        using var transformer = new TransformerDbContext(
            new DbContextOptionsBuilder<TransformerDbContext>().UseStateDatabase("transformer", connectionString, "").Options);
        const string fix = "add one with: bash shared/Persistence/add-migration.sh NAME";

        Assert.False(scheduler.Database.HasPendingModelChanges(), $"the Scheduler's state model changed without a migration; {fix}");
        Assert.False(transformer.Database.HasPendingModelChanges(), $"the Transformer's state model changed without a migration; {fix}");
    }

    private static string ProductPath(RecordedRequest request) =>
        request.PathAndQuery[request.PathAndQuery.LastIndexOf("/products/", StringComparison.Ordinal)..];
}
