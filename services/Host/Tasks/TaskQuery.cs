using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Switchboard.Transformer;

namespace Switchboard.Host.Tasks;

/// <summary>Which tasks a command is about: by run, by task (a full id or its first characters), by status, by route.</summary>
public sealed record TaskQuery
{
    public string? Run { get; init; }
    public string? Task { get; init; }
    public IReadOnlyCollection<TaskState> Statuses { get; init; } = [];
    /// <summary>Only these routes; all when null.</summary>
    public IReadOnlyCollection<string>? Routes { get; init; }
    public int Limit { get; init; } = int.MaxValue;

    /// <summary>The Transformer's database: on PostgreSQL when <c>SWITCHBOARD_DB_TRANSFORMER</c> names a server, else
    /// in a state folder, or null when no run has used the folder yet.</summary>
    public static IDbContextFactory<TransformerDbContext>? OpenState(string stateDirectory) =>
        OpenState(stateDirectory, StateConnectionStrings.FromEnvironment().GetValueOrDefault("transformer"));

    public static IDbContextFactory<TransformerDbContext>? OpenState(string stateDirectory, string? connectionString)
    {
        if (connectionString is null && !File.Exists(Path.Combine(stateDirectory, "transformer.db"))) return null;
        var options = new DbContextOptionsBuilder<TransformerDbContext>().UseStateDatabase("transformer", connectionString, stateDirectory).Options;
        return new PooledDbContextFactory<TransformerDbContext>(options);
    }

    public async Task<IReadOnlyList<TaskRow>> ReadAsync(IDbContextFactory<TransformerDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();
        if (Statuses.Count > 0) tasks = tasks.Where(t => Statuses.Contains(t.Status));
        if (Routes is not null) tasks = tasks.Where(t => Routes.Contains(t.Route));
        if (Guid.TryParse(Run, out var runId)) tasks = tasks.Where(t => t.RunId == runId);
        if (Guid.TryParse(Task, out var taskId)) tasks = tasks.Where(t => t.TaskId == taskId);
        var rows = await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.TaskId)
            .Select(t => new TaskRow
            {
                TaskId = t.TaskId, RunId = t.RunId, Route = t.Route, EntityKey = t.EntityKey, Status = t.Status.ToString().ToLowerInvariant(),
                Attempts = t.Attempts, NextAttemptAt = t.NextAttemptAt, Reason = t.Reason, TargetId = t.TargetId,
                Request = t.Request, Response = t.Response, CreatedAt = t.CreatedAt, UpdatedAt = t.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        // Ids are shown shortened: their first characters select them too.
        rows = rows.Where(r => Matches(r.RunId, Run) && Matches(r.TaskId, Task)).TakeLast(Limit).ToList(); // the newest, oldest first

        var ids = rows.Select(r => r.TaskId).ToList();
        var history = (await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.TaskId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.TaskId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Number).ThenBy(a => a.Id)
                .Select(a => new AttemptRow(a.Number, a.Outcome.ToString().ToLowerInvariant(), a.EndedAt, a.RetryDelayMilliseconds, a.Error)).ToList());
        return rows.Select(r => r with { History = history.GetValueOrDefault(r.TaskId) ?? [] }).ToList();
    }

    private static bool Matches(Guid id, string? prefix) =>
        prefix is null || id.ToString().StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase);

    public static TaskState ParseStatus(string status) =>
        Enum.TryParse<TaskState>(status, ignoreCase: true, out var state) && Enum.IsDefined(state)
            ? state
            : throw new ArgumentException($"unknown status '{status}'; statuses: {string.Join(", ", Enum.GetNames<TaskState>().Select(n => n.ToLowerInvariant()))}");
}
