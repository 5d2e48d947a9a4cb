using Microsoft.EntityFrameworkCore;

namespace Switchboard.Scheduler;

/// <summary>Claims schedule ticks in the Scheduler's database, shared by its replicas.</summary>
public sealed class TickClaims(IDbContextFactory<SchedulerDbContext> contexts, TimeProvider clock)
{
    /// <summary>Claims older than this are deleted. It only has to exceed how far apart the replicas' clocks and
    /// start-ups can be: a replica that reaches a tick later than that would claim it again.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    /// <summary>True for the one caller whose claim of (incoming, tick) is recorded; false when another replica
    /// holds it. INSERT … ON CONFLICT DO NOTHING reads the same on SQLite and PostgreSQL and, unlike catching a
    /// unique violation, logs no error for the replica that loses.</summary>
    public async Task<bool> TryClaimAsync(string incoming, DateTimeOffset tick, Guid runId, CancellationToken cancellationToken)
    {
        var scheduledAt = tick.UtcDateTime;
        var claimedAt = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO ticks ("Incoming", "ScheduledAt", "RunId", "ClaimedAt") VALUES ({incoming}, {scheduledAt}, {runId}, {claimedAt}) ON CONFLICT ("Incoming", "ScheduledAt") DO NOTHING""",
            cancellationToken);
        if (inserted == 1)
        {
            var expired = scheduledAt - Kept;
            await db.Ticks.Where(t => t.Incoming == incoming && t.ScheduledAt < expired).ExecuteDeleteAsync(cancellationToken);
        }
        return inserted == 1;
    }
}
