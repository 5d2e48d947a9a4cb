using System.CommandLine;
using Switchboard.Host.Tasks;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard tasks [FILE|DIR…] [--run R] [--task T] [--status S…] [--json]</c>: the tasks in the state folder.</summary>
public static class TasksCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Integration files or folders: show only the tasks of their routes (default: every task)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var state = CommonOptions.State();
        var run = new Option<string>("--run") { Description = "Tasks of this run (its id or the id's first characters)" };
        var task = new Option<string>("--task") { Description = "This task (its id or the id's first characters)" };
        var status = new Option<string[]>("--status")
        {
            Description = "Only tasks in these states: new, processing, finished, skipped, failed, retrying",
            AllowMultipleArgumentsPerToken = true,
        };
        var limit = new Option<int>("--limit") { Description = "Show at most this many", DefaultValueFactory = _ => 500 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array with requests, answers and every attempt" };
        var command = new Command("tasks", "List tasks: status, attempts, next try, last error") { files, state, run, task, status, limit, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyCollection<string>? routes = null;
            if (parse.GetValue(files) is { Length: > 0 } paths)
            {
                if (CommonOptions.LoadIntegration(paths) is not { } integration) return 1;
                routes = integration.Routes.Keys.ToList();
            }
            List<Transformer.TaskState> statuses;
            try
            {
                statuses = (parse.GetValue(status) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(TaskQuery.ParseStatus).ToList();
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            var stateDirectory = parse.GetValue(state)!;
            if (TaskQuery.OpenState(stateDirectory) is not { } contexts)
            {
                await Console.Error.WriteLineAsync($"no tasks: nothing has run with the state folder {Path.GetFullPath(stateDirectory)}");
                return 1;
            }
            await AbandonedTasks.MarkInterruptedAsync(stateDirectory, contexts, cancellationToken);
            var query = new TaskQuery { Run = parse.GetValue(run), Task = parse.GetValue(task), Statuses = statuses, Routes = routes, Limit = parse.GetValue(limit) };
            var rows = await query.ReadAsync(contexts, cancellationToken);
            if (parse.GetValue(json)) TaskPrinter.PrintJson(rows);
            else TaskPrinter.PrintTable(rows);
            return 0;
        });
        return command;
    }
}
