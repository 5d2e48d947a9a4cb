using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Switchboard.Host.Tasks;

/// <summary>Shows tasks: a table for people, a JSON array (with every attempt) for scripts.</summary>
public static class TaskPrinter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public const int ReasonShown = 80;

    public static void PrintJson(IReadOnlyList<TaskRow> tasks) => Console.Out.WriteLine(JsonSerializer.Serialize(tasks, Json));

    public static void PrintTable(IReadOnlyList<TaskRow> tasks)
    {
        var table = new Table().AddColumns("task", "run", "route", "key", "status", "attempts", "next try (UTC)", "reason / last error");
        // A finished task needs no reason; its answer is in --json.
        foreach (var t in tasks)
            table.AddRow(
                t.TaskId.ToString()[..8], t.RunId.ToString()[..8], Markup.Escape(t.Route), Markup.Escape(t.EntityKey), Status(t.Status),
                $"{t.Attempts}", t.NextAttemptAt is { } next ? $"{next:yyyy-MM-dd HH:mm:ss}" : "",
                Markup.Escape(Shorten(t.Reason ?? "")));
        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine($"{tasks.Count} tasks; ids select by their first characters (--run, --task); --json shows requests, answers and every attempt");
    }

    private static string Status(string status) => status switch
    {
        "failed" => "[red]failed[/]",
        "retrying" => "[yellow]retrying[/]",
        "finished" => "[green]finished[/]",
        _ => status,
    };

    private static string Shorten(string text) => text.Length <= ReasonShown ? text : text[..(ReasonShown - 1)] + "…";
}
