using System.CommandLine;
using Switchboard.Sandbox;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard sandbox [--seed N]</c>: the platform emulators on fixed loopback ports.</summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Generated products in each store", DefaultValueFactory = _ => 0 };
        var command = new Command("sandbox", "Start the platform emulators on loopback and print their addresses and credentials") { seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(seed);
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { SeedBigCommerceProducts = n, SeedEcwidProducts = n, SeedCommercetoolsProducts = n, SeedCsCartProducts = n }, cancellationToken);
            foreach (var line in SandboxEnvironment.Describe(sandbox)) Console.WriteLine(line);
            Console.WriteLine("Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }
}
