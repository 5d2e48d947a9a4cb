using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Switchboard.Persistence;

/// <summary>Creates the schema (and switches SQLite to write-ahead logging so readers never block writers), and
/// refuses a database whose tables another version of Switchboard made: without it, the first query of a missing
/// column would fail deep inside a consumer, message after message.</summary>
/// <remarks>No EF Core migrations: the tables are made from the model, and the recorded fingerprint stops a
/// version whose model differs. On PostgreSQL replicas starting together take turns under an advisory lock, and
/// the tables are made per schema (EnsureCreated would skip them when another service's schema already has tables
/// in the same database).</remarks>
internal sealed class StateDatabaseInitializer<TContext>(IDbContextFactory<TContext> contexts) : IHostedService
    where TContext : DbContext
{
    private const string FingerprintTable = "switchboard_schema";

    /// <summary>The first key of the advisory lock: Switchboard's own ("SwBd"); the second is the schema's.</summary>
    private const int LockSpace = 0x53774264;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            var created = await EnsureCreatedAsync(db, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await CheckFingerprintAsync(db, created, FingerprintTable, cancellationToken);
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
                var tables = await db.Database
                    .SqlQuery<int>($"""SELECT COUNT(*)::int AS "Value" FROM information_schema.tables WHERE table_schema = {schema} AND table_name <> {FingerprintTable}""")
                    .SingleAsync(cancellationToken);
                var created = tables == 0;
                if (created)
                    await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
                await CheckFingerprintAsync(db, created, $"\"{schema}\".{FingerprintTable}", cancellationToken);
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

    /// <summary>Replicas starting together on a new SQLite file (two Schedulers on a shared volume) all find it
    /// empty; the one whose CREATE TABLE comes second fails, and on a second look finds the tables the other made.</summary>
    private static async Task<bool> EnsureCreatedAsync(TContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.EnsureCreatedAsync(cancellationToken);
        }
        catch (DbException)
        {
            return await db.Database.EnsureCreatedAsync(cancellationToken);
        }
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

    private static async Task CheckFingerprintAsync(TContext db, bool created, string table, CancellationToken cancellationToken)
    {
        var context = typeof(TContext).Name;
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript())));
        // The table name is one of two constants above, never input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"""CREATE TABLE IF NOT EXISTS {table} ("Context" TEXT NOT NULL PRIMARY KEY, "Fingerprint" TEXT NOT NULL)""", cancellationToken);
        var stored = await db.Database
            .SqlQueryRaw<string>($$"""SELECT "Fingerprint" AS "Value" FROM {{table}} WHERE "Context" = {0}""", context)
            .ToListAsync(cancellationToken);
        if (created || stored.Count == 0 && !await HasRowsAsync(db, cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(
                $$"""INSERT INTO {{table}} ("Context", "Fingerprint") VALUES ({0}, {1}) ON CONFLICT ("Context") DO UPDATE SET "Fingerprint" = excluded."Fingerprint" """,
                [context, fingerprint], cancellationToken);
            return;
        }
#pragma warning restore EF1002
        if (stored.SingleOrDefault() != fingerprint)
            throw new StateDatabaseException(
                $"the state database {Describe(db)} was made by another version of Switchboard: its tables differ from this version's. " +
                "Move it aside to start with a fresh one (its runs, tasks, watermarks and key mappings are then not used).");
    }

    /// <summary>A database made before schemas were recorded may still be empty of state, and so safe to adopt.</summary>
    private static async Task<bool> HasRowsAsync(TContext db, CancellationToken cancellationToken)
    {
        foreach (var entity in db.Model.GetEntityTypes().DistinctBy(t => (t.GetSchema(), t.GetTableName())))
        {
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
            // The table names come from the model, never from input.
            try
            {
#pragma warning disable EF1002
                var rows = await db.Database.SqlQueryRaw<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM {table}").ToListAsync(cancellationToken);
#pragma warning restore EF1002
                if (rows.Single() > 0) return true;
            }
            catch (System.Data.Common.DbException)
            {
                // A table this version has and that database lacks: made by another version, so not to be adopted.
                return true;
            }
        }
        return false;
    }

    private static string Describe(TContext db) =>
        db.Database.IsSqlite()
            ? db.Database.GetDbConnection().DataSource
            : $"'{db.Database.GetDbConnection().Database}' (schema '{db.Model.GetDefaultSchema()}')";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
