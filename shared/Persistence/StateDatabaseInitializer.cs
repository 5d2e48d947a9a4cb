using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Switchboard.Persistence;

/// <summary>Brings a service's state database to this version before the bus delivers anything: creates it (and
/// switches SQLite to write-ahead logging so readers never block writers), applies the migrations it lacks, and
/// refuses one that a newer version migrated — without it, the first query of a missing column would fail deep
/// inside a consumer, message after message.</summary>
/// <remarks>On PostgreSQL, replicas starting together take turns under an advisory lock per schema; on SQLite,
/// EF Core's own migration lock serves (see <see cref="SqliteMigrationLock"/>).</remarks>
internal sealed class StateDatabaseInitializer<TContext>(IDbContextFactory<TContext> contexts, ILogger<TContext> logger) : IHostedService
    where TContext : DbContext
{
    /// <summary>The first key of the advisory lock: Switchboard's own ("SwBd"); the second is the schema's.</summary>
    private const int LockSpace = 0x53774264;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await MigrateAsync(db, cancellationToken);
            return;
        }

        var schema = db.Model.GetDefaultSchema() ?? "public";
        await EnsureDatabaseAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockSpace}, hashtext({schema}))", cancellationToken);
            try
            {
                await MigrateAsync(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockSpace}, hashtext({schema}))", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task MigrateAsync(TContext db, CancellationToken cancellationToken)
    {
        var hasHistory = await PreMigrationState.AdoptAsync(db, logger, cancellationToken);
        var applied = hasHistory ? await db.Database.GetAppliedMigrationsAsync(cancellationToken) : [];
        if (applied.Except(db.Database.GetMigrations()).FirstOrDefault() is { } unknown)
            throw StateDatabaseException.MadeByNewerVersion(db, unknown);
        var pending = db.Database.GetMigrations().Except(applied).ToList();
        if (pending.Count == 0) return;
        if (!db.Database.IsNpgsql())
            await SqliteMigrationLock.ClearIfStaleAsync(db, logger, cancellationToken);
        // EF would first read the history table it has not made yet (and log that query as failed).
        if (!hasHistory)
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        logger.LogInformation("Migrating the state database {Database}: {Migrations}", StateDatabaseException.Describe(db), string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Creates the database when the server lacks it; two replicas creating it at once is no error.</summary>
    private static async Task EnsureDatabaseAsync(TContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
