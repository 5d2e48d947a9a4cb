using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Configuration;

namespace Switchboard.Hosting;

/// <summary>One service's share of a process: its services and its consumers. A service's Program runs one
/// module; the Host composes them all in one process.</summary>
public interface ISwitchboardModule
{
    /// <summary>Names the module in logs and health checks (<c>scheduler</c>, <c>connector-bigcommerce</c>).</summary>
    string Name { get; }

    /// <summary>Platforms whose full schema this module brings to configuration validation.</summary>
    IEnumerable<IPlatformSchema> Platforms => [];

    /// <summary>Checks transformer steps when the integration is loaded (the Transformer's module brings one).</summary>
    ITransformerValidator? Validator => null;

    void ConfigureServices(IServiceCollection services, Integration integration, SwitchboardOptions options);

    void ConfigureBus(IBusRegistrationConfigurator bus);
}
