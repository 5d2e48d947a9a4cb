using System.CommandLine;
using Switchboard.Sandbox;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard demo [FILE]</c>: the sandbox, seeded, and an example run against it in one command. Without
/// FILE, 500 BigCommerce products synced to Ecwid; with FILE, the stores it reads are seeded and it runs.</summary>
public static class DemoCommand
{
    public const string Example = "bigcommerce-to-ecwid.yaml";

    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Description = $"An integration file written against the sandbox's variables, as examples/*.yaml are (default: examples/{Example})",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var products = new Option<int>("--products") { Description = "Products to generate in each store the integration reads (customers and orders: half as many)", DefaultValueFactory = _ => 500 };
        var transport = CommonOptions.Transport();
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        // Several demos (or a demo beside `switchboard sandbox`) at once; the examples read the ports from the variables the demo sets.
        var freePorts = new Option<bool>("--free-ports") { Description = "Put the emulators on free ports instead of 38101-38105 (one demo beside another sandbox)" };
        var command = new Command("demo", $"Run an example against the seeded sandbox (default: generated BigCommerce products synced to Ecwid with examples/{Example})")
            { file, products, transport, json, freePorts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(file);
            var example = given ?? ExamplePath();
            var quiet = parse.GetValue(json);
            // The demo fills empty target stores each time; the sandbox's ports are fixed, so one demo at a time.
            var sandboxOptions = new SandboxOptions { SeedBigCommerceProducts = given is null ? parse.GetValue(products) : 0 };
            // The flag can only add to SWITCHBOARD_SANDBOX_PORTS=free (the options' default), never turn it off.
            if (parse.GetValue(freePorts)) sandboxOptions.FreePorts = true;
            await using var sandbox = await SandboxServer.StartAsync(sandboxOptions, cancellationToken);
            SandboxEnvironment.Apply(sandbox);
            var integration = CommonOptions.LoadIntegration([example]);
            if (integration is null) return 1;
            if (given is null)
            {
                if (!quiet) await Console.Error.WriteLineAsync($"sandbox up: {sandbox.BigCommerce.Products.Count} BigCommerce products; running {example}");
            }
            else
            {
                var seeded = SandboxSeeding.SeedSources(sandbox, integration, parse.GetValue(products));
                if (!quiet)
                    await Console.Error.WriteLineAsync(seeded.Count == 0
                        ? $"sandbox up, empty: {example} reads no store the sandbox can fill (BigCommerce, Ecwid, CS-Cart, commercetools); running it"
                        : $"sandbox up: {parse.GetValue(products)} products with their customers and orders in {string.Join(", ", seeded)}; running {example}");
            }
            // A fresh state folder: the demo always starts from empty target stores.
            var state = Path.Combine(Path.GetTempPath(), $"switchboard-demo-{Guid.NewGuid():N}");
            try
            {
                var options = CommonOptions.Options(parse.GetValue(transport)!, state);
                var exit = await RunCommand.ExecuteAsync(integration, options, null, quiet, TimeSpan.FromMinutes(30), false, cancellationToken);
                if (given is null && !quiet)
                    await Console.Error.WriteLineAsync($"Ecwid sandbox now holds {sandbox.Ecwid.Products.Count} products.");
                return exit;
            }
            finally
            {
                try { Directory.Delete(state, recursive: true); } catch (IOException) { }
            }
        });
        return command;
    }

    private static string ExamplePath()
    {
        foreach (var folder in new[] { Path.Combine(AppContext.BaseDirectory, "examples"), Path.Combine(Directory.GetCurrentDirectory(), "examples") })
            if (File.Exists(Path.Combine(folder, Example))) return Path.Combine(folder, Example);
        throw new FileNotFoundException($"examples/{Example} is not next to the switchboard program or in the current folder");
    }
}
