using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Switchboard.Persistence;

/// <summary>Creates the schema (and switches SQLite to write-ahead logging so readers never block writers), and
/// refuses a database whose tables another version of Switchboard made: without it, the first query of a missing
/// column would fail deep inside a consumer, message after message.</summary>
internal sealed class StateDatabaseInitializer<TContext>(IDbContextFactory<TContext> contexts) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var created = await db.Database.EnsureCreatedAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var context = typeof(TContext).Name;
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript())));
        await db.Database.ExecuteSqlRawAsync(
            """CREATE TABLE IF NOT EXISTS switchboard_schema ("Context" TEXT NOT NULL PRIMARY KEY, "Fingerprint" TEXT NOT NULL)""", cancellationToken);
        var stored = await db.Database
            .SqlQuery<string>($"""SELECT "Fingerprint" AS "Value" FROM switchboard_schema WHERE "Context" = {context}""")
            .ToListAsync(cancellationToken);
        if (created || stored.Count == 0 && !await HasRowsAsync(db, cancellationToken))
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO switchboard_schema ("Context", "Fingerprint") VALUES ({context}, {fingerprint}) ON CONFLICT ("Context") DO UPDATE SET "Fingerprint" = excluded."Fingerprint" """,
                cancellationToken);
            return;
        }
        if (stored.SingleOrDefault() != fingerprint)
            throw new StateDatabaseException(
                $"the state database {Describe(db)} was made by another version of Switchboard: its tables differ from this version's. " +
                "Move it aside to start with a fresh one (its runs, tasks, watermarks and key mappings are then not used).");
    }

    /// <summary>A database made before schemas were recorded may still be empty of state, and so safe to adopt.</summary>
    private static async Task<bool> HasRowsAsync(TContext db, CancellationToken cancellationToken)
    {
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            // The table names come from the model, never from input.
            try
            {
#pragma warning disable EF1002
                var rows = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").ToListAsync(cancellationToken);
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
        db.Database.IsSqlite() ? db.Database.GetDbConnection().DataSource : $"'{db.Database.GetDbConnection().Database}'";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
