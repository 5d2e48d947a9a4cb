using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Switchboard.Persistence;

/// <summary>Before Switchboard kept migrations, a state database's tables were made from the model and a fingerprint
/// of their script recorded in <c>switchboard_schema</c>. Such a database, from the last version that made them, is
/// taken over as it stands after the first migration (which makes the same tables), its rows kept; any other
/// database with state tables and no migration history is refused rather than guessed at.</summary>
internal static class PreMigrationState
{
    private const string FingerprintTable = "switchboard_schema";

    /// <summary>SHA-256 of <c>GenerateCreateScript()</c> of the last version without migrations.</summary>
    private static readonly Dictionary<(string Context, StateProvider Provider), string> LastFingerprints = new()
    {
        [("SchedulerDbContext", StateProvider.Sqlite)] = "6c8fe3a38e5c2a5a0dd2eb3eef086fecbc0d54742088dee978a4b64b8e56bfe9",
        [("SchedulerDbContext", StateProvider.Postgres)] = "c0bc722ff5535a86dbf69d7412c05aba6e94e08b20e14b7f6b1a5a998018ed98",
        [("TransformerDbContext", StateProvider.Sqlite)] = "9248b16b8e63db2c68cb6fa8b3a70630957c19a30b265e73e447562c844b824d",
        [("TransformerDbContext", StateProvider.Postgres)] = "80fd4dbac69d0539fb714cd27c9917cee7a2caf319ef95eb1b8f27f09451cf16",
    };

    /// <summary>Takes over a database from before migrations; then says whether the database has a migration
    /// history (a new one has none yet, and reading it would log a failed query).</summary>
    public static async Task<bool> AdoptAsync(DbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        // Not IHistoryRepository.ExistsAsync: Npgsql's answers true for a schema without the table.
        var tables = await StateTables.NamesAsync(db, cancellationToken);
        if (tables.Contains(HistoryRepository.DefaultTableName)) return true;
        if (!db.Model.GetEntityTypes().Any(t => tables.Contains(t.GetTableName()!))) return false;

        var provider = StateProviders.Of(db);
        var stored = tables.Contains(FingerprintTable) ? await FingerprintAsync(db, provider, cancellationToken) : null;
        if (stored is null || LastFingerprints.GetValueOrDefault((db.GetType().Name, provider)) != stored)
            throw StateDatabaseException.MadeByAnotherVersion(db);

        var first = db.Database.GetMigrations().First();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A replica starting at the same moment may have taken it over first.
        if ((await StateTables.NamesAsync(db, cancellationToken)).Contains(HistoryRepository.DefaultTableName)) return true;
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
#pragma warning disable EF1002 // the table name is a constant, never input
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE {Qualified(db, provider, FingerprintTable)}", cancellationToken);
#pragma warning restore EF1002
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Took over the state database {Database}, made before migrations were kept, as at migration {Migration}",
            StateDatabaseException.Describe(db), first);
        return true;
    }

    private static async Task<string?> FingerprintAsync(DbContext db, StateProvider provider, CancellationToken cancellationToken)
    {
#pragma warning disable EF1002 // the table name is a constant, never input
        var rows = await db.Database
            .SqlQueryRaw<string>($"SELECT \"Fingerprint\" AS \"Value\" FROM {Qualified(db, provider, FingerprintTable)} WHERE \"Context\" = {{0}}",
                db.GetType().Name)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return rows.SingleOrDefault();
    }

    private static string Qualified(DbContext db, StateProvider provider, string table) =>
        provider == StateProvider.Postgres ? $"\"{db.Model.GetDefaultSchema()}\".\"{table}\"" : $"\"{table}\"";
}
