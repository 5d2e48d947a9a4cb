using Microsoft.EntityFrameworkCore;

namespace Switchboard.Persistence;

/// <summary>The tables a state database holds: in the service's schema on PostgreSQL, in the file on SQLite.</summary>
internal static class StateTables
{
    public static async Task<HashSet<string>> NamesAsync(DbContext db, CancellationToken cancellationToken)
    {
        var names = StateProviders.Of(db) == StateProvider.Postgres
            ? db.Database.SqlQuery<string>(
                $"SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = {db.Model.GetDefaultSchema()}")
            : db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'");
        return (await names.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
