using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Switchboard.Persistence;

/// <summary>A service's own state database: SQLite in the state folder by default, created at start-up
/// before the bus delivers anything.</summary>
public static class StateDatabase
{
    public static IServiceCollection AddStateDatabase<TContext>(this IServiceCollection services, string service,
        string? connectionString, string stateDirectory) where TContext : DbContext
    {
        connectionString ??= SqliteFile(stateDirectory, service);
        services.AddDbContextFactory<TContext>(options => options.UseSqlite(connectionString));
        services.AddHostedService<StateDatabaseInitializer<TContext>>();
        services.AddHealthChecks().AddCheck<StateDatabaseHealthCheck<TContext>>($"{service}-database", tags: ["ready"]);
        return services;
    }

    public static string SqliteFile(string stateDirectory, string service)
    {
        Directory.CreateDirectory(stateDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(Path.Combine(stateDirectory, $"{service}.db")),
            // Writers wait for each other instead of failing with "database is locked".
            DefaultTimeout = 60,
            Pooling = true,
        }.ToString();
    }
}
