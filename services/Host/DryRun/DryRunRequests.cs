using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Contracts;
using Switchboard.Transformer;

namespace Switchboard.Host.DryRun;

/// <summary>Reads the publish commands a dry run kept instead of sending, and describes each as the request the
/// target platform's connector would build from it (credentials redacted).</summary>
public sealed class DryRunRequests(Integration integration, IEnumerable<PlatformConnector> platforms)
{
    private readonly Dictionary<string, ConnectorClient?> _clients = [];

    public async Task<IReadOnlyList<DryRunRequest>> ReadAsync(IDbContextFactory<TransformerDbContext> contexts, DateTime since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Outbox.AsNoTracking()
            .Join(db.Tasks.AsNoTracking().Where(t => t.CreatedAt >= since), o => o.TaskId, t => t.TaskId, (o, t) => o)
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return records.Select(r => Describe(JsonSerializer.Deserialize<PublishEntity>(r.Command)!)).ToList();
    }

    private DryRunRequest Describe(PublishEntity command)
    {
        var client = Client(command.Client);
        var payload = command.Document["payload"]?.DeepClone();
        if (client is not null && payload is not null)
            payload = JsonNode.Parse(client.Redactor.Redact(payload.ToJsonString()));
        return new DryRunRequest(command.Route, command.EntityKey ?? "", command.Method, Target(client, command), payload);
    }

    private static string Target(ConnectorClient? client, PublishEntity command)
    {
        var named = $"{command.Client} {command.Request.Entity}";
        if (client is null) return named;
        try
        {
            var request = EntityPublisher.Resolve(client, command.Request, command.Document);
            return client.Redactor.Redact(client.Requests.Build(request, request.Query).ToString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connector would refuse it before sending; say so rather than guess a URL.
            return $"{named} (would not be sent: {client.Redactor.Redact(ex.Message)})";
        }
    }

    private ConnectorClient? Client(string name)
    {
        if (_clients.TryGetValue(name, out var known)) return known;
        ConnectorClient? client = null;
        if (integration.Clients.TryGetValue(name, out var config)
            && platforms.FirstOrDefault(p => p.Name.Equals(config.Platform, StringComparison.OrdinalIgnoreCase)) is { } platform)
            // Only builds URLs: nothing is sent through this HTTP client.
            client = new ConnectorClient(config, platform, new HttpClient());
        return _clients[name] = client;
    }
}
