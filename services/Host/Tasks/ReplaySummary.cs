using System.Text.Json;
using Spectre.Console;
using Switchboard.Host.Runs;

namespace Switchboard.Host.Tasks;

/// <summary>What <c>switchboard replay</c> reports: per route, the tasks sent again and how they ended.</summary>
public sealed record ReplaySummary
{
    public required int Replayed { get; init; }
    /// <summary>Per route: fetched is the number of tasks replayed.</summary>
    public required IReadOnlyDictionary<string, TaskCounts> Routes { get; init; }
    public required TaskCounts Totals { get; init; }
    /// <summary>"route key: error" of the tasks that failed again.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool Succeeded => Totals.Failed == 0 && !Notes.Any(n => n.StartsWith("gave up", StringComparison.Ordinal));

    public static ReplaySummary Of(IReadOnlyList<TaskRow> tasks, IReadOnlyList<string> notes)
    {
        static TaskCounts Count(IEnumerable<TaskRow> rows)
        {
            var list = rows.ToList();
            return new TaskCounts(list.Count, list.Count(r => r.Status == "finished"), list.Count(r => r.Status == "skipped"), list.Count(r => r.Status == "failed"));
        }
        return new ReplaySummary
        {
            Replayed = tasks.Count,
            Routes = tasks.GroupBy(t => t.Route).ToDictionary(g => g.Key, Count),
            Totals = Count(tasks),
            Errors = tasks.Where(t => t.Status == "failed").Take(RunMonitor.ErrorsShown).Select(t => $"{t.Route} {t.EntityKey}: {t.Reason}").ToList(),
            Notes = notes,
        };
    }

    public void PrintJson() => Console.Out.WriteLine(JsonSerializer.Serialize(this, TaskPrinter.Json));

    public void PrintTable()
    {
        var table = new Table().Title($"Replayed {Replayed} tasks").AddColumns("route", "replayed", "published", "skipped", "failed");
        foreach (var (route, c) in Routes.OrderBy(r => r.Key))
            table.AddRow(Markup.Escape(route), $"{c.Fetched}", $"{c.Published}", $"{c.Skipped}", c.Failed > 0 ? $"[red]{c.Failed}[/]" : "0");
        CliConsole.Out.Write(table);
        foreach (var note in Notes) CliConsole.Out.MarkupLine(Markup.Escape(note));
        if (Errors.Count == 0) return;
        CliConsole.Out.MarkupLine("[red]failed again:[/]");
        foreach (var error in Errors) CliConsole.Out.MarkupLine($"  {Markup.Escape(error)}");
    }
}
