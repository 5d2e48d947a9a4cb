using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Hosting;
using Switchboard.Host.Runs;
using Switchboard.Transformer;

namespace Switchboard.Host.DryRun;

/// <summary><c>switchboard run --dry-run</c>: fetches and transforms in one process on a copy of the state, publishes
/// nothing, and returns what would have been sent.</summary>
public static class DryRunSession
{
    public static async Task<(RunSummary Summary, IReadOnlyList<DryRunRequest> Requests)> RunAsync(Integration integration, SwitchboardOptions options,
        IReadOnlyList<string> incomings, bool showProgress, TimeSpan timeout, bool verbose, CancellationToken cancellationToken, bool full = false)
    {
        using var state = StateCopy.Of(options.StateDirectory);
        // In memory: on a broker, another process's Transformer could take the pages and publish them.
        // The copy is SQLite: a dry run must never write to a PostgreSQL state database (what it needs from there is
        // copied in below).
        var dryOptions = options with
        {
            StateDirectory = state.Directory, Transport = Transport.InMemory, RabbitMqUri = null, DryRun = true,
            ConnectionStrings = new Dictionary<string, string>(),
        };
        var modules = AllModules.Create(runSchedules: false);
        using var host = RunSession.BuildHost(dryOptions, integration, runSchedules: false, verbose, modules);
        await host.StartAsync(cancellationToken);
        try
        {
            await PostgresStateSnapshot.CopyIntoAsync(host.Services, options.ConnectionStrings, cancellationToken);
            var started = DateTime.UtcNow;
            var summary = await RunSession.RunAsync(host, incomings, showProgress, timeout, cancellationToken, full);
            var platforms = modules.SelectMany(m => m.Platforms).OfType<PlatformConnector>();
            var requests = await new DryRunRequests(integration, platforms)
                .ReadAsync(host.Services.GetRequiredService<IDbContextFactory<TransformerDbContext>>(), started, cancellationToken);
            return (WouldPublish(summary, requests), requests);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Counts what would have been published as published, not as skipped.</summary>
    private static RunSummary WouldPublish(RunSummary summary, IReadOnlyList<DryRunRequest> requests)
    {
        var routes = summary.Routes.ToDictionary(r => r.Key, r =>
        {
            var sent = requests.Count(q => q.Route == r.Key);
            return r.Value with { Published = sent, Skipped = r.Value.Skipped - sent };
        });
        return summary with
        {
            Routes = routes,
            Totals = summary.Totals with { Published = routes.Values.Sum(r => r.Published), Skipped = routes.Values.Sum(r => r.Skipped) },
        };
    }
}
