using Switchboard.Configuration;
using Switchboard.Connectors.Http;

namespace Switchboard.Connectors.Messaging;

/// <summary>The configured clients of one platform, by name. Messages carry client names; the credentials stay here.</summary>
public sealed class ConnectorClients<TPlatform>(Integration integration, TPlatform platform, IHttpClientFactory httpClients)
    where TPlatform : PlatformConnector
{
    public ConnectorClient? Find(string name) =>
        integration.Clients.TryGetValue(name, out var config) && config.Platform.Equals(platform.Name, StringComparison.OrdinalIgnoreCase)
            ? new ConnectorClient(config, platform, httpClients.CreateClient(PlatformHttpClients.NameOf(name)))
            : null;

    public string Missing(string name) =>
        integration.Clients.ContainsKey(name)
            ? $"client '{name}' is not a {platform.Name} client; it was sent to the {platform.Name} connector by mistake"
            : $"client '{name}' is not configured in the {platform.Name} connector's integration files";
}
