using Microsoft.EntityFrameworkCore;

namespace Switchboard.Persistence;

/// <summary>A state database this version cannot use; the message says which and what to do.</summary>
public sealed class StateDatabaseException(string message) : Exception(message)
{
    private const string MoveAside =
        "move the database aside to start with a fresh one (its runs, tasks, watermarks and key mappings are then not used)";

    public static StateDatabaseException MadeByNewerVersion(DbContext db, string migration) => new(
        $"the state database {Describe(db)} was migrated by a newer version of Switchboard (its migration '{migration}' is unknown " +
        $"to this one). Run that version, or {MoveAside}.");

    public static StateDatabaseException MadeByAnotherVersion(DbContext db) => new(
        $"the state database {Describe(db)} was made by another version of Switchboard: it has tables but no migration history this " +
        $"version can continue. To start over, {MoveAside}.");

    /// <summary>The SQLite file, or the PostgreSQL database and the service's schema.</summary>
    public static string Describe(DbContext db) =>
        db.Database.IsSqlite()
            ? db.Database.GetDbConnection().DataSource
            : $"'{db.Database.GetDbConnection().Database}' (schema '{db.Model.GetDefaultSchema()}')";
}
