using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Switchboard.Persistence;

/// <summary>EF Core locks a SQLite database for migrating with a row in <c>__EFMigrationsLock</c>, which nothing
/// removes when the process is killed mid-migration: every later start would wait for it forever
/// (dotnet/efcore#38958). A lock older than any migration of state tables takes is such a leftover.</summary>
internal static class SqliteMigrationLock
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(10);

    public static async Task ClearIfStaleAsync(DbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!(await StateTables.NamesAsync(db, cancellationToken)).Contains("__EFMigrationsLock")) return;
        var taken = await db.Database.SqlQueryRaw<string>("SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"").ToListAsync(cancellationToken);
        foreach (var timestamp in taken)
        {
            if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ||
                DateTimeOffset.UtcNow - at < Stale) continue;
            logger.LogWarning("The state database {Database} has a migration lock taken at {Timestamp} and never released (a process " +
                "stopped while migrating it); removing it", StateDatabaseException.Describe(db), timestamp);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\" WHERE \"Timestamp\" = {0}", [timestamp], cancellationToken);
        }
    }
}
