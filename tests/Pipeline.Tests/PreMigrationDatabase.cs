using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Switchboard.Pipeline.Tests;

/// <summary>A service's state database as the last Switchboard version without migrations left it: its tables from
/// that version's script (PreMigrationState/*.sql) and the fingerprint of that script in <c>switchboard_schema</c>.</summary>
public static class PreMigrationDatabase
{
    /// <summary>Makes the database of <paramref name="service"/> (scheduler, transformer) for the harness's state,
    /// then runs <paramref name="statements"/> in it.</summary>
    public static async Task CreateAsync(PipelineHarness harness, string service, params string[] statements)
    {
        var provider = harness.PostgresDatabase is null ? "sqlite" : "postgres";
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "PreMigrationState", $"{service}.{provider}.sql"));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var context = service == "scheduler" ? "SchedulerDbContext" : "TransformerDbContext";
        var table = provider == "postgres" ? $"\"{service}\".switchboard_schema" : "switchboard_schema";
        await using var connection = await OpenAsync(harness, service);
        await ExecuteAsync(connection, script);
        await ExecuteAsync(connection, $"""CREATE TABLE {table} ("Context" TEXT NOT NULL PRIMARY KEY, "Fingerprint" TEXT NOT NULL)""");
        await ExecuteAsync(connection, $"""INSERT INTO {table} ("Context", "Fingerprint") VALUES ('{context}', '{fingerprint}')""");
        foreach (var statement in statements) await ExecuteAsync(connection, statement);
    }

    public static async Task<List<string>> QueryAsync(PipelineHarness harness, string service, string sql)
    {
        await using var connection = await OpenAsync(harness, service);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    private static async Task<DbConnection> OpenAsync(PipelineHarness harness, string service)
    {
        DbConnection connection;
        if (harness.PostgresDatabase is { } database)
        {
            await EnsureDatabaseAsync(database);
            connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { SearchPath = service }.ConnectionString);
        }
        else
        {
            Directory.CreateDirectory(harness.StateFolder);
            connection = new SqliteConnection($"Data Source={Path.Combine(harness.StateFolder, $"{service}.db")};Pooling=false");
        }
        await connection.OpenAsync();
        return connection;
    }

    private static async Task EnsureDatabaseAsync(string database)
    {
        await using var server = new NpgsqlConnection(PostgresServer.Require());
        await server.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", server);
        exists.Parameters.AddWithValue("name", name);
        if ((long)(await exists.ExecuteScalarAsync())! > 0) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
