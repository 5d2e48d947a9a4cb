using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Host.Runs;

/// <summary>Composes every service in this process, runs incomings once, and waits until every task has ended.</summary>
public sealed class RunSession
{
    public static IHost BuildHost(SwitchboardOptions options, Integration integration, bool runSchedules, bool verbose,
        IReadOnlyList<ISwitchboardModule>? modules = null)
    {
        modules ??= AllModules.Create(runSchedules);
        var builder = SwitchboardHost.CreateBuilder([], options, integration, modules);
        builder.Logging.ClearProviders()
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Error)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("MassTransit", verbose ? LogLevel.Warning : LogLevel.Error)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            // Each retried attempt is a Polly "fail" line; the run's summary already names what finally failed.
            .AddFilter("Polly", verbose ? LogLevel.Warning : LogLevel.None);
        // Progress and results own standard output; logs go to standard error.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<RunMonitor>();
        return builder.Build();
    }

    /// <param name="full">Send every entity again, ignoring the fingerprints that skip unchanged ones.</param>
    public static async Task<RunSummary> RunAsync(IHost host, IReadOnlyList<string> incomings, bool showProgress, TimeSpan timeout, CancellationToken cancellationToken,
        bool full = false)
    {
        var started = Stopwatch.StartNew();
        var queues = host.Services.GetRequiredService<QueueAddresses>();
        var bus = host.Services.GetRequiredService<IBus>();
        var monitor = host.Services.GetRequiredService<RunMonitor>();
        var runIds = new List<Guid>();
        var endpoint = await bus.GetSendEndpoint(queues.RunIncoming);
        foreach (var incoming in incomings)
        {
            var trigger = new RunIncoming { Incoming = incoming, Trigger = "switchboard run", Full = full };
            runIds.Add(trigger.RunId);
            await endpoint.Send(trigger, cancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        RunMonitor.Snapshot snapshot;
        try
        {
            snapshot = showProgress
                ? await WithProgress(monitor, runIds, deadline.Token)
                : await WaitQuietly(monitor, runIds, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            snapshot = await monitor.ReadAsync(runIds, CancellationToken.None);
            return snapshot.Summary with
            {
                RunErrors = [.. snapshot.Summary.RunErrors, $"gave up waiting after {timeout.TotalSeconds:0} s; tasks still open"],
                Errors = await monitor.FirstErrorsAsync(runIds, CancellationToken.None),
                Seconds = started.Elapsed.TotalSeconds,
            };
        }
        return snapshot.Summary with
        {
            Errors = await monitor.FirstErrorsAsync(runIds, cancellationToken),
            Seconds = started.Elapsed.TotalSeconds,
        };
    }

    private static async Task<RunMonitor.Snapshot> WaitQuietly(RunMonitor monitor, IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await monitor.ReadAsync(runIds, cancellationToken);
            if (snapshot.Done) return snapshot;
            await Task.Delay(200, cancellationToken);
        }
    }

    private static Task<RunMonitor.Snapshot> WithProgress(RunMonitor monitor, IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken) =>
        CliConsole.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                // How many pages a fetch has is known only at its end, so the fetch bar moves without a share until then.
                var fetched = progress.AddTask("fetched 0 entities", maxValue: 1).IsIndeterminate();
                var routed = progress.AddTask("tasks ended 0 / 0", maxValue: 1);
                while (true)
                {
                    var snapshot = await monitor.ReadAsync(runIds, cancellationToken);
                    var totals = snapshot.Summary.Totals;
                    var tasks = snapshot.Summary.Routes.Values.Sum(r => r.Fetched);
                    var ended = totals.Published + totals.Skipped + totals.Failed;
                    fetched.Description = $"fetched {snapshot.FetchedEntities} entities in {snapshot.FetchedPages} pages";
                    routed.Description = $"published {totals.Published}, skipped {totals.Skipped}, failed {totals.Failed}";
                    routed.MaxValue = Math.Max(1, tasks);
                    routed.Value = ended;
                    if (snapshot.Done)
                    {
                        fetched.IsIndeterminate = false;
                        fetched.Value = fetched.MaxValue;
                        routed.Value = routed.MaxValue;
                        return snapshot;
                    }
                    await Task.Delay(200, cancellationToken);
                }
            });
}
