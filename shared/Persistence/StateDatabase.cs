using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Switchboard.Persistence;

/// <summary>A service's own state database: SQLite in the state folder by default, PostgreSQL (in a schema named
/// after the service) when the connection string names a PostgreSQL server; migrated at start-up before the bus
/// delivers anything.</summary>
public static class StateDatabase
{
    public static IServiceCollection AddStateDatabase<TContext>(this IServiceCollection services, string service,
        string? connectionString, string stateDirectory) where TContext : DbContext
    {
        services.AddDbContextFactory<TContext>(options => options.UseStateDatabase(service, connectionString, stateDirectory));
        services.AddHostedService<StateDatabaseInitializer<TContext>>();
        services.AddHealthChecks().AddCheck<StateDatabaseHealthCheck<TContext>>($"{service}-database", tags: ["ready"]);
        return services;
    }

    /// <summary>PostgreSQL when <see cref="PostgresConnectionString.Matches"/> says so, else SQLite (the given
    /// connection string, or the service's file in the state folder).</summary>
    public static TBuilder UseStateDatabase<TBuilder>(this TBuilder options, string service, string? connectionString,
        string stateDirectory) where TBuilder : DbContextOptionsBuilder
    {
        if (connectionString is not null && PostgresConnectionString.Matches(connectionString))
            // Each service's migration history in its own schema: services share one database.
            options.UseNpgsql(PostgresConnectionString.ForSchema(connectionString, service),
                npgsql => npgsql.MigrationsHistoryTable(HistoryRepository.DefaultTableName, service));
        else
            options.UseSqlite(connectionString ?? SqliteFile(stateDirectory, service));
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        return options;
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
