using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Switchboard.Host.Runs;
using Switchboard.Host.Tasks;

namespace Switchboard.Host.DryRun;

/// <summary>Shows a dry run: per route, every request that would be sent, then the counts ("published" meaning
/// "would be published").</summary>
public static class DryRunPrinter
{
    // For people reading it: "<p>" rather than "\u003Cp\u003E". Only printed, never sent.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void PrintJson(RunSummary summary, IReadOnlyList<DryRunRequest> requests)
    {
        var json = JsonSerializer.SerializeToNode(summary, TaskPrinter.Json)!.AsObject();
        json["dryRun"] = true;
        json["requests"] = JsonSerializer.SerializeToNode(requests, TaskPrinter.Json);
        Console.Out.WriteLine(json.ToJsonString());
    }

    public static void PrintText(RunSummary summary, IReadOnlyList<DryRunRequest> requests)
    {
        foreach (var route in requests.GroupBy(r => r.Route).OrderBy(g => g.Key))
        {
            CliConsole.Out.MarkupLine($"[bold]{Markup.Escape(route.Key)}[/] would send {route.Count()} requests:");
            foreach (var request in route)
            {
                CliConsole.Out.WriteLine($"  {request.Method} {request.Target}   (entity {request.EntityKey})");
                if (request.Payload is not null) CliConsole.Out.WriteLine($"    {request.Payload.ToJsonString(Readable)}");
            }
        }
        SummaryPrinter.PrintTable(summary);
        CliConsole.Out.MarkupLine("[yellow]dry run:[/] nothing was published; \"published\" counts what would have been");
    }
}
