namespace Switchboard.Configuration;

/// <summary>One integration: the merged content of its files.</summary>
public sealed class Integration
{
    public IReadOnlyDictionary<string, ClientConfig> Clients { get; init; } = new Dictionary<string, ClientConfig>();
    public IReadOnlyDictionary<string, IncomingConfig> Incoming { get; init; } = new Dictionary<string, IncomingConfig>();
    public IReadOnlyDictionary<string, OutgoingConfig> Outgoing { get; init; } = new Dictionary<string, OutgoingConfig>();
    public IReadOnlyDictionary<string, RouteConfig> Routes { get; init; } = new Dictionary<string, RouteConfig>();

    public IEnumerable<RouteConfig> RoutesFrom(string incoming) => Routes.Values.Where(r => r.From == incoming);

    /// <summary>The incomings that follow <paramref name="incoming"/> (their <c>parent</c>).</summary>
    public IEnumerable<IncomingConfig> ChildrenOf(string incoming) => Incoming.Values.Where(i => i.Parent == incoming);
}
