using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Switchboard.Persistence;

/// <summary>The context <c>dotnet ef</c> builds migrations from, on the provider named after <c>--</c>:
/// <c>dotnet ef migrations add NAME --project services/Scheduler --output-dir Migrations/Postgres
/// --namespace Switchboard.Scheduler.Migrations.Postgres -- postgres</c> (SQLite without it). No database is
/// opened to add a migration.</summary>
public abstract class StateDesignTimeFactory<TContext>(string service) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var connectionString = args.Contains("postgres", StringComparer.OrdinalIgnoreCase)
            ? "Host=localhost;Database=switchboard"
            : "Data Source=design-time.db";
        var options = new DbContextOptionsBuilder<TContext>().UseStateDatabase(service, connectionString, "").Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
