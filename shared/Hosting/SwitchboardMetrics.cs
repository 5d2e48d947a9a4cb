using System.Diagnostics.Metrics;

namespace Switchboard.Hosting;

/// <summary>The counters an operator watches a sync by (the Grafana dashboard in deploy/grafana reads them):
/// entities fetched per incoming, published and failed per route, failed publish attempts per route, HTTP calls per
/// client and status.</summary>
/// <remarks>Exported over OTLP with the rest of the telemetry; Prometheus sees them with dots as underscores and a
/// <c>_total</c> suffix (<c>switchboard_entities_fetched_total</c>).</remarks>
public static class SwitchboardMetrics
{
    public const string MeterName = "Switchboard";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Fetched = Meter.CreateCounter<long>("switchboard.entities.fetched", "{entity}", "Entities an incoming fetched");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("switchboard.entities.published", "{entity}", "Entities a route published to its target");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("switchboard.entities.failed", "{entity}", "Entities a route could not publish, counted once their task has failed for good (no retry pending)");
    private static readonly Counter<long> AttemptsFailed = Meter.CreateCounter<long>("switchboard.entities.attempts_failed", "{attempt}", "Publish attempts that failed, retried or not");
    private static readonly Counter<long> HttpRequests = Meter.CreateCounter<long>("switchboard.http.requests", "{request}", "HTTP attempts a client made, by status (0: no answer)");

    public static void EntitiesFetched(string incoming, string client, int count) =>
        Fetched.Add(count, new("incoming", incoming), new("client", client));

    public static void EntityPublished(string route) => Published.Add(1, new KeyValuePair<string, object?>("route", route));

    /// <summary>A task ended failed: no retry is pending (a replay may still send it again).</summary>
    public static void EntityFailed(string route) => Failed.Add(1, new KeyValuePair<string, object?>("route", route));

    /// <summary>One publish of a task failed, whether a retry follows or not.</summary>
    public static void PublishAttemptFailed(string route) => AttemptsFailed.Add(1, new KeyValuePair<string, object?>("route", route));

    public static void HttpRequest(string client, int status) => HttpRequests.Add(1, new("client", client), new("status", status));
}
