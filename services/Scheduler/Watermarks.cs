using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;

namespace Switchboard.Scheduler;

/// <summary>Reading and advancing incremental incomings' watermarks.</summary>
public static class Watermarks
{
    /// <summary>Where the next run starts: the watermark less the lookback; null (a full fetch) before the first
    /// completed run that saw a change.</summary>
    public static async Task<DateTimeOffset?> SinceAsync(SchedulerDbContext db, IncomingConfig incoming, CancellationToken cancellationToken)
    {
        if (incoming.Incremental is not { } cursor) return null;
        var watermark = await db.Watermarks.FindAsync([incoming.Name], cancellationToken);
        return watermark?.Value - cursor.Lookback;
    }

    /// <summary>Moves the watermark forward to <paramref name="latestChange"/>, never back: runs may complete out of order.</summary>
    public static async Task AdvanceAsync(SchedulerDbContext db, string incoming, DateTimeOffset latestChange, Guid runId, CancellationToken cancellationToken)
    {
        var watermark = await db.Watermarks.FindAsync([incoming], cancellationToken);
        if (watermark is null)
            db.Watermarks.Add(new WatermarkRecord { Incoming = incoming, Value = latestChange, RunId = runId, UpdatedAt = DateTime.UtcNow });
        else if (latestChange > watermark.Value)
        {
            watermark.Value = latestChange;
            watermark.RunId = runId;
            watermark.UpdatedAt = DateTime.UtcNow;
        }
    }
}
