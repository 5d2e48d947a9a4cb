using System.CommandLine;
using Switchboard.Configuration;
using Switchboard.Hosting;
using Switchboard.Host.DryRun;
using Switchboard.Host.Runs;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard run FILE|DIR… [--incoming NAME] [--transport …] [--json] [--full]</c>: runs incomings once and
/// waits until every task has ended; exit 0 when nothing failed.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var files = CommonOptions.Files();
        var incoming = new Option<string[]>("--incoming") { Description = "Run only these incomings (default: every incoming with a route)", AllowMultipleArgumentsPerToken = true };
        var transport = CommonOptions.Transport();
        var state = CommonOptions.State();
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on standard output, and nothing else" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the runs to end", DefaultValueFactory = _ => 3600 };
        var verbose = CommonOptions.Verbose();
        var full = new Option<bool>("--full") { Description = "Send every entity again, also those whose fingerprint says they are unchanged" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Fetch and transform, publish nothing: print every request that would be sent" };
        var command = new Command("run", "Run incomings once through their routes and report what arrived")
            { files, incoming, transport, state, json, timeout, verbose, full, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var integration = CommonOptions.LoadIntegration(parse.GetValue(files)!);
            if (integration is null) return 1;
            var options = CommonOptions.Options(parse.GetValue(transport)!, parse.GetValue(state)!);
            return await ExecuteAsync(integration, options, parse.GetValue(incoming), parse.GetValue(json),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(verbose), cancellationToken, parse.GetValue(full), parse.GetValue(dryRun));
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(Integration integration, SwitchboardOptions options, string[]? only, bool json,
        TimeSpan timeout, bool verbose, CancellationToken cancellationToken, bool full = false, bool dryRun = false)
    {
        var incomings = only is { Length: > 0 } ? only : integration.Incoming.Keys
            // An incoming with a parent runs after its parent's runs, never on its own.
            .Where(i => integration.Incoming[i].Parent is null && (integration.RoutesFrom(i).Any() || integration.ChildrenOf(i).Any())).ToArray();
        var unknown = incomings.Where(i => !integration.Incoming.ContainsKey(i)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"unknown incoming: {string.Join(", ", unknown)}; known: {string.Join(", ", integration.Incoming.Keys)}");
            return 1;
        }
        if (incomings.Length == 0)
        {
            await Console.Error.WriteLineAsync("nothing to run: no incoming has a route");
            return 1;
        }
        if (dryRun)
        {
            var (dry, requests) = await DryRunSession.RunAsync(integration, options, incomings, showProgress: !json && !verbose, timeout, verbose, cancellationToken, full);
            if (json) DryRunPrinter.PrintJson(dry, requests);
            else DryRunPrinter.PrintText(dry, requests);
            return dry.Succeeded ? 0 : 1;
        }
        using var host = RunSession.BuildHost(options, integration, runSchedules: false, verbose);
        await host.StartAsync(cancellationToken);
        try
        {
            var summary = await RunSession.RunAsync(host, incomings, showProgress: !json && !verbose, timeout, cancellationToken, full);
            if (json) SummaryPrinter.PrintJson(summary);
            else SummaryPrinter.PrintTable(summary);
            return summary.Succeeded ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
