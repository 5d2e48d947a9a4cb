using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Persistence;

/// <summary>Ready only while the service's state database answers (a PostgreSQL server down makes the service
/// unready instead of taking messages it cannot record).</summary>
internal sealed class StateDatabaseHealthCheck<TContext>(IDbContextFactory<TContext> contexts) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"the {typeof(TContext).Name} database does not answer");
    }
}
