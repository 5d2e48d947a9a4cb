using Microsoft.EntityFrameworkCore;
using Switchboard.Persistence;

namespace Switchboard.Transformer;

public sealed class TransformerDbContext(DbContextOptions<TransformerDbContext> options) : DbContext(options)
{
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();
    public DbSet<RunPageRecord> RunPages => Set<RunPageRecord>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public DbSet<KeyMappingRecord> KeyMappings => Set<KeyMappingRecord>();
    public DbSet<TaskAttemptRecord> Attempts => Set<TaskAttemptRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<TaskRecord>(task =>
        {
            task.ToTable("tasks");
            task.HasKey(t => t.TaskId);
            task.Property(t => t.Status).HasConversion<string>();
            task.HasIndex(t => new { t.RunId, t.Status });
            task.Property(t => t.Operation).HasConversion<string>();
            task.HasIndex(t => new { t.Status, t.NextAttemptAt });
            // A duplicate answer, or two sweepers, change a task once: the second save finds it changed and stops.
            task.Property(t => t.Status).IsConcurrencyToken();
            task.Property(t => t.Attempts).IsConcurrencyToken();
        });
        model.Entity<TaskAttemptRecord>(attempt =>
        {
            attempt.ToTable("task_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Outcome).HasConversion<string>();
            attempt.HasIndex(a => a.TaskId);
        });
        model.Entity<OutboxRecord>(record =>
        {
            record.ToTable("outbox");
            record.HasKey(r => r.Id);
            record.HasIndex(r => r.CreatedAt);
        });
        model.Entity<RunPageRecord>(page =>
        {
            page.ToTable("run_pages");
            page.HasKey(p => new { p.RunId, p.PageNumber });
        });
        model.Entity<KeyMappingRecord>(mapping =>
        {
            mapping.ToTable("key_mappings");
            mapping.HasKey(m => new { m.Route, m.SourceKey });
            // A deleted source entity finds the outputs its branches were mapped to.
            mapping.HasIndex(m => new { m.Route, m.ParentKey });
        });
        StateModel.ApplyProvider(model, Database, "transformer");
    }
}
