using System.CommandLine;
using Switchboard.Configuration;
using Switchboard.Hosting;

namespace Switchboard.Host.Commands;

/// <summary>Arguments and options several commands share.</summary>
public static class CommonOptions
{
    public static Argument<string[]> Files() => new("files")
    {
        Description = "Integration files or folders of them (*.yaml, *.yml); they merge into one integration (default: the current folder)",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => ["."],
    };

    public static Option<string> Transport() => new Option<string>("--transport")
    {
        Description = "inmemory (one process) or rabbitmq (the broker at RABBITMQ_URI)",
        DefaultValueFactory = _ => "inmemory",
    }.AcceptOnlyFromAmong("inmemory", "rabbitmq");

    public static Option<string> State() => new("--state")
    {
        Description = "Folder of the embedded state (SQLite)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SWITCHBOARD_STATE") ?? ".switchboard",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Log what every service does (to standard error)" };

    public static SwitchboardOptions Options(string transport, string state) => new()
    {
        Transport = transport == "rabbitmq" ? Hosting.Transport.RabbitMq : Hosting.Transport.InMemory,
        RabbitMqUri = transport == "rabbitmq" ? SwitchboardOptions.RabbitMqUriFromEnvironment() : null,
        StateDirectory = state,
        QueuePrefix = Environment.GetEnvironmentVariable("SWITCHBOARD_QUEUE_PREFIX") ?? "",
        ConnectionStrings = StateConnectionStrings.FromEnvironment(),
    };

    /// <summary>Loads and fully validates the integration; prints every error and returns null when there are any.</summary>
    public static Integration? LoadIntegration(IEnumerable<string> files)
    {
        var result = SwitchboardHost.TryLoadIntegration(files, AllModules.Create(runSchedules: false));
        foreach (var error in result.Errors) Console.Error.WriteLine(error);
        return result.Errors.Count == 0 ? result.Integration : null;
    }
}
