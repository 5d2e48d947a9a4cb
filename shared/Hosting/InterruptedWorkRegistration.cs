using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Switchboard.Hosting;

public static class InterruptedWorkRegistration
{
    /// <summary>Adds a service's <see cref="IInterruptedWork"/> and the one <see cref="InterruptedWorkRecovery"/> of the
    /// process. Call after the service's state database and before its other hosted services.</summary>
    public static IServiceCollection AddInterruptedWork<TWork>(this IServiceCollection services) where TWork : class, IInterruptedWork
    {
        services.AddSingleton<IInterruptedWork, TWork>();
        // Moved to the end each time: hosted services start in order, and the recovery reads every service's database,
        // so it must start after all their migrations (each module adds its own) and, stopping in reverse, after the bus.
        foreach (var added in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(InterruptedWorkRecovery)).ToList())
            services.Remove(added);
        services.AddHostedService<InterruptedWorkRecovery>();
        return services;
    }
}
