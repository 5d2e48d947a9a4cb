using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Configuration;
using Switchboard.Hosting;
using Switchboard.Host.Runs;
using Switchboard.Host.Tasks;
using Switchboard.Transformer;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard replay FILE|DIR… --run R | --task T | --failed</c>: sends failed tasks again through their
/// routes as the files configure them now, waits for the answers and reports them.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var files = CommonOptions.Files();
        var run = new Option<string>("--run") { Description = "The failed tasks of this run (its id or the id's first characters)" };
        var task = new Option<string>("--task") { Description = "This failed task (its id or the id's first characters)" };
        var failed = new Option<bool>("--failed") { Description = "Every failed task of the integration's routes" };
        var transport = CommonOptions.Transport();
        var state = CommonOptions.State();
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on standard output, and nothing else" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the answers", DefaultValueFactory = _ => 600 };
        var verbose = CommonOptions.Verbose();
        var command = new Command("replay", "Send failed tasks again through their routes as configured now")
            { files, run, task, failed, transport, state, json, timeout, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new TaskQuery { Run = parse.GetValue(run), Task = parse.GetValue(task), Statuses = [TaskState.Failed] };
            if (query.Run is null && query.Task is null && !parse.GetValue(failed))
            {
                await Console.Error.WriteLineAsync("say which failed tasks to replay: --run R, --task T or --failed");
                return 1;
            }
            var integration = CommonOptions.LoadIntegration(parse.GetValue(files)!);
            if (integration is null) return 1;
            var stateDirectory = parse.GetValue(state)!;
            if (TaskQuery.OpenState(stateDirectory) is null)
            {
                await Console.Error.WriteLineAsync($"no tasks: nothing has run with the state folder {Path.GetFullPath(stateDirectory)}");
                return 1;
            }
            var options = CommonOptions.Options(parse.GetValue(transport)!, stateDirectory);
            var summary = await ExecuteAsync(integration, options, query, TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(verbose), cancellationToken);
            if (parse.GetValue(json)) summary.PrintJson();
            else summary.PrintTable();
            return summary.Succeeded ? 0 : 1;
        });
        return command;
    }

    public static async Task<ReplaySummary> ExecuteAsync(Integration integration, SwitchboardOptions options, TaskQuery query,
        TimeSpan timeout, bool verbose, CancellationToken cancellationToken)
    {
        using var host = RunSession.BuildHost(options, integration, runSchedules: false, verbose);
        await host.StartAsync(cancellationToken);
        try
        {
            var contexts = host.Services.GetRequiredService<IDbContextFactory<TransformerDbContext>>();
            var notes = new List<string>();
            var selected = await query.ReadAsync(contexts, cancellationToken);
            var elsewhere = selected.Count(t => !integration.Routes.ContainsKey(t.Route));
            if (elsewhere > 0)
                notes.Add($"{elsewhere} failed tasks are of routes not in these files; they were left as they are");
            var ids = selected.Where(t => integration.Routes.ContainsKey(t.Route)).Select(t => t.TaskId).ToList();
            var replayed = await host.Services.GetRequiredService<TaskResender>().ReplayAsync(ids, cancellationToken);

            IReadOnlyList<TaskRow> rows = [];
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                while (true)
                {
                    rows = await ReadAsync(contexts, replayed, deadline.Token);
                    if (rows.All(r => r.Status is "finished" or "skipped" or "failed")) break;
                    await Task.Delay(100, deadline.Token);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                rows = await ReadAsync(contexts, replayed, CancellationToken.None);
                notes.Add($"gave up waiting after {timeout.TotalSeconds:0} s; tasks still open");
            }
            return ReplaySummary.Of(rows, notes);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<TaskRow>> ReadAsync(IDbContextFactory<TransformerDbContext> contexts, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = new List<TaskRow>();
        foreach (var id in ids.Chunk(500))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            rows.AddRange(await db.Tasks.AsNoTracking().Where(t => id.Contains(t.TaskId)).Select(t => new TaskRow
            {
                TaskId = t.TaskId, RunId = t.RunId, Route = t.Route, EntityKey = t.EntityKey, Status = t.Status.ToString().ToLowerInvariant(),
                Attempts = t.Attempts, Reason = t.Reason,
            }).ToListAsync(cancellationToken));
        }
        return rows;
    }
}
