using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;

namespace Switchboard.Scheduler;

/// <summary>A run is settled when it completed and so did every run it started for its children (and theirs); only
/// then does its incoming's watermark move. A parent's watermark that moved before a child run failed would leave
/// that child's entities under the changed parents unfetched until the parents change again.</summary>
public sealed class RunSettlement(Integration integration)
{
    /// <summary>Moves the watermarks <paramref name="run"/> settles: its own, and its parents' when it was their last
    /// unsettled child. Call after the run's child runs are saved.</summary>
    public async Task SettleAsync(SchedulerDbContext db, RunRecord run, CancellationToken cancellationToken)
    {
        for (RunRecord? current = run; current is not null;)
        {
            if (current.Status != RunStatus.Completed || !await ChildrenSettledAsync(db, current, cancellationToken))
                return;
            if (current.LatestChange is { } latestChange)
            {
                // Never past the run's start: an entity on an early page changed while later pages were read is newer
                // than its fetched copy but may be older than the newest change seen, so the next run must read it again.
                var started = new DateTimeOffset(DateTime.SpecifyKind(current.StartedAt, DateTimeKind.Utc));
                await Watermarks.AdvanceAsync(db, current.Incoming, latestChange < started ? latestChange : started, current.RunId, cancellationToken);
            }
            current = current.ParentRunId is { } parent ? await db.Runs.FindAsync([parent], cancellationToken) : null;
        }
    }

    private async Task<bool> ChildrenSettledAsync(SchedulerDbContext db, RunRecord run, CancellationToken cancellationToken)
    {
        var children = integration.ChildrenOf(run.Incoming).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (children.Count == 0) return true;
        var runs = await db.Runs.AsNoTracking().Where(r => r.ParentRunId == run.RunId).ToListAsync(cancellationToken);
        foreach (var child in runs.Where(r => children.Contains(r.Incoming)))
        {
            children.Remove(child.Incoming);
            if (child.Status != RunStatus.Completed || !await ChildrenSettledAsync(db, child, cancellationToken))
                return false;
        }
        return children.Count == 0;
    }
}
