using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Switchboard.Transformation;

namespace Switchboard.Scheduler;

/// <summary>The Scheduler service: schedules, manual triggers and run state.</summary>
public sealed class SchedulerModule : ISwitchboardModule
{
    public const string ServiceName = "scheduler";

    public string Name => ServiceName;

    /// <summary>False where a command line runs incomings once itself and must not fire schedules too.</summary>
    public bool RunSchedules { get; init; } = true;

    /// <summary>Checks incoming request transformers when the Scheduler runs on its own.</summary>
    public ITransformerValidator Validator { get; } = new TransformerFactory();

    public void ConfigureServices(IServiceCollection services, Integration integration, SwitchboardOptions options)
    {
        services.AddStateDatabase<SchedulerDbContext>(Name, options.ConnectionStrings.GetValueOrDefault(Name), options.StateDirectory);
        // Registered before the bus: it starts before the bus and stops after it.
        if (RecoversInterruptedRuns(options))
            services.AddInterruptedWork<InterruptedRuns>();
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new TransformerFactory());
        services.AddSingleton<IncomingRequests>();
        services.AddSingleton<ChildRuns>();
        services.AddSingleton<RunSettlement>();
        services.AddSingleton<TickClaims>();
        if (RunSchedules) services.AddHostedService<CronTrigger>();
    }

    /// <summary>The embedded default: the in-memory bus with state in the state folder. A dry run's state is a copy.</summary>
    public static bool RecoversInterruptedRuns(SwitchboardOptions options) =>
        options is { Transport: Transport.InMemory, DryRun: false }
        && PostgresConnectionString.Of(options.ConnectionStrings, ServiceName) is null;

    public void ConfigureBus(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RunIncomingConsumer, RunIncomingConsumerDefinition>();
        bus.AddConsumer<IncomingRunCompletedConsumer>();
        bus.AddConsumer<FetchEntitiesFaultConsumer>();
        bus.AddConsumer<RunIncomingFaultConsumer>();
    }
}

public sealed class RunIncomingConsumerDefinition : ConsumerDefinition<RunIncomingConsumer>
{
    public RunIncomingConsumerDefinition(SwitchboardOptions options) => EndpointName = options.QueuePrefix + QueueNames.RunIncoming;
}
