using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;

namespace Switchboard.Hosting;

/// <summary>Builds a Switchboard process from modules: the integration, the bus, telemetry and each module's services.</summary>
public static class SwitchboardHost
{
    public static HostApplicationBuilder CreateBuilder(
        string[] args, SwitchboardOptions options, Integration integration, IReadOnlyList<ISwitchboardModule> modules)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = false });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("MassTransit", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(integration);
        builder.Services.AddSingleton<QueueAddresses>();
        foreach (var module in modules) module.ConfigureServices(builder.Services, integration, options);
        builder.Services.AddSwitchboardBus(options, modules);
        builder.Services.AddSwitchboardTelemetry(string.Join('+', modules.Select(m => m.Name)));
        return builder;
    }

    /// <summary>Loads the integration for these modules: full validation of their platforms, shape of the rest.</summary>
    public static Integration LoadIntegration(IEnumerable<string> paths, IReadOnlyList<ISwitchboardModule> modules) =>
        IntegrationLoader.Load(paths, KnownPlatforms.For(modules), modules.Select(m => m.Validator).FirstOrDefault(v => v is not null));

    public static IntegrationLoadResult TryLoadIntegration(IEnumerable<string> paths, IReadOnlyList<ISwitchboardModule> modules) =>
        IntegrationLoader.TryLoad(paths, KnownPlatforms.For(modules), modules.Select(m => m.Validator).FirstOrDefault(v => v is not null));
}
