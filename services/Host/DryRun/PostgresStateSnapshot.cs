using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Persistence;
using Switchboard.Scheduler;
using Switchboard.Transformer;

namespace Switchboard.Host.DryRun;

/// <summary>A dry run works on SQLite copies and never writes to PostgreSQL; where the state lives on PostgreSQL, the
/// copies get what decides what would be sent — key mappings with their fingerprints, and watermarks — read from there.</summary>
internal static class PostgresStateSnapshot
{
    public static async Task CopyIntoAsync(IServiceProvider copies, IReadOnlyDictionary<string, string> connectionStrings, CancellationToken cancellationToken)
    {
        if (PostgresConnectionString.Of(connectionStrings, TransformerModule.ServiceName) is { } transformer)
        {
            await using var source = new TransformerDbContext(new DbContextOptionsBuilder<TransformerDbContext>()
                .UseStateDatabase(TransformerModule.ServiceName, transformer, "").Options);
            var mappings = await source.KeyMappings.AsNoTracking().ToListAsync(cancellationToken);
            await using var copy = await copies.GetRequiredService<IDbContextFactory<TransformerDbContext>>().CreateDbContextAsync(cancellationToken);
            await copy.KeyMappings.ExecuteDeleteAsync(cancellationToken); // an older SQLite state beside it is not the state
            copy.KeyMappings.AddRange(mappings);
            await copy.SaveChangesAsync(cancellationToken);
        }
        if (PostgresConnectionString.Of(connectionStrings, SchedulerModule.ServiceName) is { } scheduler)
        {
            await using var source = new SchedulerDbContext(new DbContextOptionsBuilder<SchedulerDbContext>()
                .UseStateDatabase(SchedulerModule.ServiceName, scheduler, "").Options);
            var watermarks = await source.Watermarks.AsNoTracking().ToListAsync(cancellationToken);
            await using var copy = await copies.GetRequiredService<IDbContextFactory<SchedulerDbContext>>().CreateDbContextAsync(cancellationToken);
            await copy.Watermarks.ExecuteDeleteAsync(cancellationToken);
            copy.Watermarks.AddRange(watermarks);
            await copy.SaveChangesAsync(cancellationToken);
        }
    }
}
