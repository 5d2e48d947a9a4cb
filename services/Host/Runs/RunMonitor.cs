using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Scheduler;
using Switchboard.Transformer;

namespace Switchboard.Host.Runs;

/// <summary>Reads the state of a set of runs from the Scheduler's and the Transformer's databases.</summary>
public sealed class RunMonitor(IDbContextFactory<SchedulerDbContext> runs, IDbContextFactory<TransformerDbContext> tasks, Integration integration)
{
    public const int ErrorsShown = 5;

    public sealed record Snapshot(bool Done, int FetchedEntities, int FetchedPages, RunSummary Summary);

    public async Task<Snapshot> ReadAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        await using var schedulerDb = await runs.CreateDbContextAsync(cancellationToken);
        await using var transformerDb = await tasks.CreateDbContextAsync(cancellationToken);
        var runRows = await WithChildRunsAsync(schedulerDb, runIds, cancellationToken);
        runIds = runRows.Select(r => r.RunId).Union(runIds).ToArray();
        var pages = await transformerDb.RunPages.AsNoTracking().Where(p => runIds.Contains(p.RunId))
            .GroupBy(p => p.RunId).Select(g => new { RunId = g.Key, Pages = g.Count(), Entities = g.Sum(p => p.Entities) })
            .ToListAsync(cancellationToken);
        var counts = await transformerDb.Tasks.AsNoTracking().Where(t => runIds.Contains(t.RunId))
            .GroupBy(t => new { t.Route, t.Status }).Select(g => new { g.Key.Route, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var routes = integration.Routes.Values
            .Where(r => runRows.Any(run => run.Incoming == r.From))
            .ToDictionary(r => r.Name, r => Count(counts.Where(c => c.Route == r.Name).Select(c => (c.Status, c.Count))));
        var open = counts.Where(c => c.Status is TaskState.New or TaskState.Processing or TaskState.Retrying).Sum(c => c.Count);
        var fetchingDone = runIds.All(id => runRows.FirstOrDefault(r => r.RunId == id) is { Status: not RunStatus.Running } run
            && (pages.FirstOrDefault(p => p.RunId == id)?.Pages ?? 0) >= run.Pages);

        var summary = new RunSummary
        {
            Totals = new TaskCounts(pages.Sum(p => p.Entities), 0, 0, 0) with
            {
                Published = routes.Values.Sum(r => r.Published),
                Skipped = routes.Values.Sum(r => r.Skipped),
                Failed = routes.Values.Sum(r => r.Failed),
            },
            Routes = routes,
            RunErrors = runRows.Where(r => r.Status == RunStatus.Failed).Select(r => $"{r.Incoming}: {r.Error}").ToArray(),
        };
        return new Snapshot(fetchingDone && open == 0, pages.Sum(p => p.Entities), pages.Sum(p => p.Pages), summary);
    }

    public async Task<IReadOnlyList<string>> FirstErrorsAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        await using (var schedulerDb = await runs.CreateDbContextAsync(cancellationToken))
            runIds = (await WithChildRunsAsync(schedulerDb, runIds, cancellationToken)).Select(r => r.RunId).Union(runIds).ToArray();
        await using var db = await tasks.CreateDbContextAsync(cancellationToken);
        var failed = await db.Tasks.AsNoTracking().Where(t => runIds.Contains(t.RunId) && t.Status == TaskState.Failed)
            .OrderBy(t => t.UpdatedAt).Take(ErrorsShown).ToListAsync(cancellationToken);
        return failed.Select(t => $"{t.Route} {t.EntityKey}: {t.Reason}").ToArray();
    }

    /// <summary>The runs and, level by level, the runs of the incomings that follow them (their parent): those belong to
    /// the runs that started them, so they are waited for and counted with them.</summary>
    private static async Task<List<RunRecord>> WithChildRunsAsync(SchedulerDbContext db, IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        var rows = await db.Runs.AsNoTracking().Where(r => runIds.Contains(r.RunId)).ToListAsync(cancellationToken);
        for (var parents = rows.Select(r => r.RunId).ToList(); parents.Count > 0;)
        {
            var children = await db.Runs.AsNoTracking().Where(r => r.ParentRunId != null && parents.Contains(r.ParentRunId.Value)).ToListAsync(cancellationToken);
            rows.AddRange(children);
            parents = children.Select(r => r.RunId).ToList();
        }
        return rows;
    }

    private static TaskCounts Count(IEnumerable<(TaskState Status, int Count)> rows)
    {
        var list = rows.ToList();
        int Of(TaskState s) => list.Where(r => r.Status == s).Sum(r => r.Count);
        return new TaskCounts(list.Sum(r => r.Count), Of(TaskState.Finished), Of(TaskState.Skipped), Of(TaskState.Failed));
    }
}
