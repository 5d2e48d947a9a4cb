using Microsoft.EntityFrameworkCore;
using Switchboard.Persistence;

namespace Switchboard.Scheduler;

public sealed class SchedulerDbContext(DbContextOptions<SchedulerDbContext> options) : DbContext(options)
{
    public DbSet<RunRecord> Runs => Set<RunRecord>();
    public DbSet<WatermarkRecord> Watermarks => Set<WatermarkRecord>();
    public DbSet<TickRecord> Ticks => Set<TickRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<RunRecord>(run =>
        {
            run.ToTable("runs");
            run.HasKey(r => r.RunId);
            run.Property(r => r.Status).HasConversion<string>();
            run.HasIndex(r => new { r.Incoming, r.StartedAt });
        });
        model.Entity<WatermarkRecord>(watermark =>
        {
            watermark.ToTable("watermarks");
            watermark.HasKey(w => w.Incoming);
        });
        model.Entity<TickRecord>(tick =>
        {
            tick.ToTable("ticks");
            // The unique key that lets one replica only claim a tick (TickClaims inserts into it by name).
            tick.HasKey(t => new { t.Incoming, t.ScheduledAt });
        });
        StateModel.ApplyProvider(model, Database, "scheduler");
    }
}
