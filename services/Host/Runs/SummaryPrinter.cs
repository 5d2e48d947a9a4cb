using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Switchboard.Host.Runs;

/// <summary>Shows a run's summary: a table for people, or one JSON object for scripts.</summary>
public static class SummaryPrinter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void PrintJson(RunSummary summary) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(summary, Json));

    public static void PrintTable(RunSummary summary)
    {
        var table = new Table().Title($"Run summary ({summary.Seconds:0.0} s)")
            .AddColumns("route", "fetched", "published", "skipped", "failed");
        foreach (var (route, c) in summary.Routes.OrderBy(r => r.Key))
            table.AddRow(Markup.Escape(route), $"{c.Fetched}", $"{c.Published}", $"{c.Skipped}", c.Failed > 0 ? $"[red]{c.Failed}[/]" : "0");
        var t = summary.Totals;
        table.AddRow("[bold]total[/]", $"[bold]{t.Fetched}[/]", $"[bold]{t.Published}[/]", $"[bold]{t.Skipped}[/]", $"[bold]{t.Failed}[/]");
        CliConsole.Out.Write(table);
        foreach (var error in summary.RunErrors)
            CliConsole.Out.MarkupLine($"[red]run failed:[/] {Markup.Escape(error)}");
        if (summary.Errors.Count > 0)
        {
            CliConsole.Out.MarkupLine($"[red]first errors:[/]");
            foreach (var error in summary.Errors) CliConsole.Out.MarkupLine($"  {Markup.Escape(error)}");
        }
    }
}
