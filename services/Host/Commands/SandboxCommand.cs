using System.CommandLine;
using Switchboard.Sandbox;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard sandbox [--seed N]</c>: the platform emulators on fixed loopback ports, empty unless seeded.</summary>
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
            Console.WriteLine();
            foreach (var line in Contents(n)) Console.WriteLine(line);
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

    /// <summary>What the stores hold, said plainly: an example run against empty stores fetches nothing, and one run
    /// between two stores seeded alike meets its own products in the target.</summary>
    internal static IEnumerable<string> Contents(int seed)
    {
        if (seed <= 0)
        {
            yield return "The stores are EMPTY: an example run against them fetches nothing. `--seed N` fills every store with N";
            yield return "products (and half as many customers and orders); `switchboard demo examples/<file>` seeds only the";
            yield return "stores that example reads and runs it, in one command.";
            yield break;
        }
        yield return $"Every store holds {seed} generated products, with half as many customers and orders. BigCommerce and Ecwid";
        yield return "are seeded alike (the same names and SKUs), so a product sync between them is refused as duplicates;";
        yield return "`switchboard demo examples/<file>` seeds only the stores that example reads and runs it.";
    }
}
