using Npgsql;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The PostgreSQL server for tests of state on PostgreSQL: <c>POSTGRES_CONNECTION</c> (a role that may create
/// databases), else the test is skipped with the reason — never passed silently. No Testcontainers: there is no
/// container engine where these tests run.</summary>
public static class PostgresServer
{
    public static string Require()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_CONNECTION") is { Length: > 0 } connection)
            return connection;
        const string reason = "no PostgreSQL: POSTGRES_CONNECTION is not set (.ci/run sets it after starting Debian's PostgreSQL)";
        Console.Error.WriteLine($"SKIPPED: {reason}");
        Assert.Skip(reason);
        return "";
    }

    /// <summary>A connection string to a database of the test's own, which the services create at start-up, so no
    /// test sees another's rows.</summary>
    public static string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(Require()) { Database = $"switchboard_test_{Guid.NewGuid():N}" }.ConnectionString;

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
