using System.CommandLine;
using Switchboard.Sandbox;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard sandbox [--seed N] [--port-base N | --free-ports]</c>: the platform emulators on loopback
/// (fixed ports unless told otherwise), empty unless seeded; faults are set through each emulator's /_sandbox/faults.</summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Generated products in each store", DefaultValueFactory = _ => 0 };
        var portBase = new Option<int?>("--port-base")
        {
            Description = "Put the emulators on this port and the four after it (BigCommerce, Ecwid, CS-Cart, OpenCart, commercetools) instead of 38101-38105",
        };
        portBase.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } first && (first < 1 || first > SandboxOptions.HighestPortBase))
                result.AddError($"--port-base must be between 1 and {SandboxOptions.HighestPortBase}: the five emulators take it and the four ports after it");
        });
        var freePorts = new Option<bool>("--free-ports") { Description = "Put the emulators on free ports the system picks (printed, with the export lines)" };
        var command = new Command("sandbox", "Start the platform emulators on loopback and print their addresses and credentials") { seed, portBase, freePorts };
        command.Validators.Add(result =>
        {
            if (result.GetResult(portBase) is { Implicit: false } && result.GetValue(freePorts))
                result.AddError("--port-base and --free-ports exclude each other: give one");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(seed);
            var options = new SandboxOptions
            {
                SeedBigCommerceProducts = n, SeedEcwidProducts = n, SeedCommercetoolsProducts = n, SeedCsCartProducts = n,
            };
            // The flag can only add to SWITCHBOARD_SANDBOX_PORTS=free (the options' default), never turn it off.
            if (parse.GetValue(freePorts)) options.FreePorts = true;
            if (parse.GetValue(portBase) is { } first) options.PlaceFrom(first);
            await using var sandbox = await SandboxServer.StartAsync(options, cancellationToken);
            foreach (var line in SandboxEnvironment.Describe(sandbox)) Console.WriteLine(line);
            Console.WriteLine();
            foreach (var line in Contents(n)) Console.WriteLine(line);
            Console.WriteLine();
            foreach (var line in FaultControl(sandbox)) Console.WriteLine(line);
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

    /// <summary>Where faults are set: a person trying out error handling needs the address, not the C# API.</summary>
    internal static IEnumerable<string> FaultControl(SandboxServer sandbox)
    {
        yield return "Faults (loopback only, no credentials): POST /_sandbox/faults on an emulator's port, DELETE to clear;";
        yield return "GET /_sandbox/requests lists what it received. For example:";
        yield return $"curl -X POST {sandbox.BigCommerce.ControlUri}faults -d '{{\"serverErrors\": {{\"next\": 3, \"status\": 503}}}}'";
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
