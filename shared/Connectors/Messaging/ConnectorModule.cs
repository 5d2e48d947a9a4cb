using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Configuration;
using Switchboard.Connectors.Http;
using Switchboard.Hosting;

namespace Switchboard.Connectors.Messaging;

/// <summary>A platform's connector service: its clients and its fetch and publish consumers.</summary>
public class ConnectorModule<TPlatform> : ISwitchboardModule where TPlatform : PlatformConnector, new()
{
    private readonly TPlatform _platform = new();

    public string Name => $"connector-{_platform.Name}";

    public IEnumerable<IPlatformSchema> Platforms => [_platform];

    public void ConfigureServices(IServiceCollection services, Integration integration, SwitchboardOptions options)
    {
        services.AddSingleton(_platform);
        services.AddSingleton<ConnectorClients<TPlatform>>();
        services.AddPlatformHttpClients(integration, _platform, options.StateDirectory);
    }

    public void ConfigureBus(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<FetchEntitiesConsumer<TPlatform>, FetchEntitiesConsumerDefinition<TPlatform>>();
        bus.AddConsumer<PublishEntityConsumer<TPlatform>, PublishEntityConsumerDefinition<TPlatform>>();
    }
}
