using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Http;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard grant CLIENT FILE|DIR…</c>: the platform's "Grant access" step for one client.</summary>
public static class GrantCommand
{
    public static Command Create()
    {
        var client = new Argument<string>("client") { Description = "The client to grant access for" };
        var files = CommonOptions.Files();
        var state = CommonOptions.State();
        var paste = new Option<bool>("--paste") { Description = "Paste the authorization code instead of receiving it on a loopback redirect" };
        var command = new Command("grant", "Grant access for a client: fetch or check its credentials and store them") { client, files, state, paste };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var integration = CommonOptions.LoadIntegration(parse.GetValue(files)!);
            if (integration is null) return 1;
            var name = parse.GetValue(client)!;
            if (!integration.Clients.TryGetValue(name, out var config))
            {
                await Console.Error.WriteLineAsync($"no client '{name}'; clients: {string.Join(", ", integration.Clients.Keys)}");
                return 1;
            }
            var platform = Platforms().FirstOrDefault(p => p.Name.Equals(config.Platform, StringComparison.OrdinalIgnoreCase));
            if (platform?.Grant is not { } grant)
            {
                Console.WriteLine($"{config.Platform} clients need no grant: their credentials are in the integration files.");
                return 0;
            }
            var http = new ServiceCollection().AddHttpClient(PlatformHttpClients.TokenClientName).Services.BuildServiceProvider()
                .GetRequiredService<IHttpClientFactory>();
            var stateDirectory = parse.GetValue(state)!;
            return await grant.GrantAsync(config, new GrantContext
            {
                Output = Console.Out,
                StateDirectory = stateDirectory,
                ReadLine = ct => Console.In.ReadLineAsync(ct).AsTask(),
                Paste = parse.GetValue(paste),
                Authentication = new AuthenticatorContext
                {
                    StateDirectory = stateDirectory,
                    TokenHttpClient = () => http.CreateClient(PlatformHttpClients.TokenClientName),
                },
            }, cancellationToken);
        });
        return command;
    }

    private static IEnumerable<PlatformConnector> Platforms() =>
        AllModules.Create(runSchedules: false).SelectMany(m => m.Platforms).OfType<PlatformConnector>();
}
