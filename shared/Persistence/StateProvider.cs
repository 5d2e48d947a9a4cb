using Microsoft.EntityFrameworkCore;

namespace Switchboard.Persistence;

/// <summary>The two databases state lives in, and the folder (and namespace) each one's migrations are kept in:
/// <c>Migrations/Sqlite</c> and <c>Migrations/Postgres</c> of the service that owns the state.</summary>
public enum StateProvider
{
    Sqlite,
    Postgres,
}

public static class StateProviders
{
    public static StateProvider Of(DbContext db) => db.Database.IsNpgsql() ? StateProvider.Postgres : StateProvider.Sqlite;

    public static string MigrationsNamespaceSuffix(this StateProvider provider) => $".Migrations.{provider}";
}
