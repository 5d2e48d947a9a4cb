using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Configuration;

namespace Switchboard.Hosting;

/// <summary>The whole <c>Program.cs</c> of a service run alone: integration files from <c>SWITCHBOARD_INTEGRATION</c>
/// (or the arguments), RabbitMQ from <c>RABBITMQ_URI</c>, state in <c>SWITCHBOARD_STATE</c>.</summary>
public static class ServiceRunner
{
    public static async Task<int> RunAsync(string[] args, params ISwitchboardModule[] modules)
    {
        var paths = args.Where(a => !a.StartsWith('-')).ToList();
        if (paths.Count == 0 && Environment.GetEnvironmentVariable("SWITCHBOARD_INTEGRATION") is { Length: > 0 } fromEnv)
            paths.AddRange(fromEnv.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (paths.Count == 0)
        {
            await Console.Error.WriteLineAsync("No integration files: pass them as arguments or set SWITCHBOARD_INTEGRATION.");
            return 2;
        }
        Integration integration;
        try
        {
            integration = SwitchboardHost.LoadIntegration(paths, modules);
        }
        catch (IntegrationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        var options = new SwitchboardOptions
        {
            Transport = Environment.GetEnvironmentVariable("SWITCHBOARD_TRANSPORT") is "inmemory" ? Transport.InMemory : Transport.RabbitMq,
            RabbitMqUri = Environment.GetEnvironmentVariable("RABBITMQ_URI") is { Length: > 0 } uri ? new Uri(uri) : null,
            StateDirectory = Environment.GetEnvironmentVariable("SWITCHBOARD_STATE") ?? ".switchboard",
            QueuePrefix = Environment.GetEnvironmentVariable("SWITCHBOARD_QUEUE_PREFIX") ?? "",
            ConnectionStrings = StateConnectionStrings.FromEnvironment(),
            WaitForBusOnStart = false,
            QuorumQueues = Environment.GetEnvironmentVariable("SWITCHBOARD_QUORUM_QUEUES") is { } quorum && quorum.Equals("true", StringComparison.OrdinalIgnoreCase),
        };
        var builder = SwitchboardHost.CreateBuilder(args, options, integration, modules);
        builder.Services.AddSwitchboardHealth();
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }
}
