using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Scheduler;

/// <summary>Runs whose pages were on the in-memory bus when its process stopped: no page and no completion will ever
/// come for them, so they fail with an error that says so. A failed run settles nothing: its incoming's watermark
/// stays where it was and the next run reads those changes again. Not on RabbitMQ: there the runs belong to the
/// cluster and their messages outlive the process.</summary>
public sealed class InterruptedRuns(IDbContextFactory<SchedulerDbContext> contexts, ILogger<InterruptedRuns> logger) : IInterruptedWork
{
    public const string Error = "interrupted: the process stopped before the run finished; the next run fetches its changes again";

    // At start, a schedule of this process may already have started a run of its own.
    private readonly DateTime _created = DateTime.UtcNow;

    public async Task FailOpenAsync(bool atStop, CancellationToken cancellationToken)
    {
        if (await FailRunningAsync(contexts, atStop ? DateTime.MaxValue : _created, cancellationToken) is not (> 0 and var failed)) return;
        if (atStop)
            logger.LogWarning("Stopped with {Count} runs unfinished; they are failed as interrupted", failed);
        else
            logger.LogWarning("{Count} runs were left unfinished by a process that stopped without finishing; they are failed as interrupted", failed);
    }

    /// <summary>Fails every run still running that started before <paramref name="startedBefore"/>; returns how many.
    /// Only safe when no process can still finish them.</summary>
    public static async Task<int> FailRunningAsync(IDbContextFactory<SchedulerDbContext> contexts, DateTime startedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var running = await db.Runs.Where(r => r.Status == RunStatus.Running && r.StartedAt < startedBefore).ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;
        foreach (var run in running)
        {
            run.Status = RunStatus.Failed;
            run.CompletedAt = now;
            run.Error = Error;
        }
        await db.SaveChangesAsync(cancellationToken);
        return running.Count;
    }
}
