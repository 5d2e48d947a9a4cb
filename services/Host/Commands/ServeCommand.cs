using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Switchboard.Host.Runs;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard serve FILE|DIR…</c>: runs the schedules until stopped; Ctrl+C stops cleanly.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var files = CommonOptions.Files();
        var transport = CommonOptions.Transport();
        var state = CommonOptions.State();
        var command = new Command("serve", "Run every schedule until stopped (Ctrl+C)") { files, transport, state };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var integration = CommonOptions.LoadIntegration(parse.GetValue(files)!);
            if (integration is null) return 1;
            var options = CommonOptions.Options(parse.GetValue(transport)!, parse.GetValue(state)!);
            using var host = RunSession.BuildHost(options, integration, runSchedules: true, verbose: true);
            var scheduled = integration.Incoming.Values.Where(i => i.Schedule is not null).Select(i => $"{i.Name} ({i.Schedule})").ToList();
            await Console.Error.WriteLineAsync(scheduled.Count == 0
                ? "no incoming has a schedule; serving manual triggers only"
                : $"serving {string.Join(", ", scheduled)}; Ctrl+C stops");
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
