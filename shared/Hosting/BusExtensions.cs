using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Hosting;

public static class BusExtensions
{
    /// <summary>The bus of a Switchboard process: every module's consumers on the chosen transport.</summary>
    /// <remarks>Every endpoint retries a failing consumer (<see cref="MessageRetry"/>) and holds what a consumer sends
    /// until it has finished (the in-memory outbox, inside the retry): a consumer that fails and is retried never
    /// leaves half its messages behind.</remarks>
    public static IServiceCollection AddSwitchboardBus(this IServiceCollection services, SwitchboardOptions options, IReadOnlyList<ISwitchboardModule> modules)
    {
        // Starting returns once every queue is declared and bound: a command sent right after start (a run's first
        // RunIncoming) must never reach an exchange whose queue is not bound yet, where RabbitMQ drops it unseen.
        services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = options.WaitForBusOnStart;
            host.StartTimeout = TimeSpan.FromMinutes(2);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.QueuePrefix, includeNamespace: false));
            foreach (var module in modules) module.ConfigureBus(bus);
            if (options.Transport == Transport.RabbitMq)
            {
                var uri = options.RabbitMqUri ?? SwitchboardOptions.RabbitMqUriFromEnvironment();
                if (options.QuorumQueues)
                    bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                    {
                        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                    });
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(uri);
                    // A queue prefix also prefixes the event exchanges, so processes with different prefixes never
                    // see each other's events on a shared broker.
                    if (options.QueuePrefix.Length > 0)
                        cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, options.QueuePrefix));
                    cfg.UseMessageRetry(MessageRetry.Configure);
                    cfg.UseInMemoryOutbox(context);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageRetry(MessageRetry.Configure);
                    cfg.UseInMemoryOutbox(context);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }
}
