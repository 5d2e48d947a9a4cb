using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Configuration;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>The Transformer service: routes, transformers and tasks.</summary>
public sealed class TransformerModule : ISwitchboardModule
{
    public const string ServiceName = "transformer";

    public string Name => ServiceName;

    public ITransformerValidator Validator { get; } = new TransformerFactory();

    public void ConfigureServices(IServiceCollection services, Integration integration, SwitchboardOptions options)
    {
        services.AddStateDatabase<TransformerDbContext>(Name, options.ConnectionStrings.GetValueOrDefault(Name), options.StateDirectory);
        // Registered before the bus and the sweepers: it starts before them and stops after them.
        if (RecoversInterruptedTasks(options))
            services.AddInterruptedWork<InterruptedTaskRecovery>();
        services.AddSingleton(sp => new TransformerFactory(sp.GetService<IKeyMappings>() ?? NoKeyMappings.Instance));
        services.AddSingleton<RoutePipelines>();
        services.AddSingleton<TaskOutbox>();
        services.AddSingleton<KeyMappingStore>();
        services.AddSingleton<IKeyMappings>(provider => provider.GetRequiredService<KeyMappingStore>());
        services.AddHostedService<OutboxSweeper>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TaskDispatcher>();
        services.AddSingleton<PublishOutcomes>();
        services.AddSingleton<TaskResender>();
        services.AddHostedService<RetrySweeper>();
    }

    /// <summary>The embedded default: the in-memory bus with state in the state folder. A dry run's state is a copy.</summary>
    public static bool RecoversInterruptedTasks(SwitchboardOptions options) =>
        options is { Transport: Transport.InMemory, DryRun: false }
        && PostgresConnectionString.Of(options.ConnectionStrings, ServiceName) is null;

    public void ConfigureBus(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<EntitiesFetchedConsumer>();
        bus.AddConsumer<EntityPublishedConsumer>();
        bus.AddConsumer<EntityPublishFailedConsumer>();
        bus.AddConsumer<PublishEntityFaultConsumer>();
        bus.AddConsumer<EntitiesFetchedFaultConsumer>();
    }
}
