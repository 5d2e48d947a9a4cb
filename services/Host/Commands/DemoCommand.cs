using System.CommandLine;
using Switchboard.Sandbox;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard demo</c>: the sandbox with 500 BigCommerce products, synced to Ecwid by the example.</summary>
public static class DemoCommand
{
    public const string Example = "bigcommerce-to-ecwid.yaml";

    public static Command Create()
    {
        var products = new Option<int>("--products") { Description = "BigCommerce products to generate", DefaultValueFactory = _ => 500 };
        var transport = CommonOptions.Transport();
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        var command = new Command("demo", $"Sync generated BigCommerce products to Ecwid in the sandbox with examples/{Example}") { products, transport, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
            {
                SeedBigCommerceProducts = parse.GetValue(products),
                // The demo fills an empty Ecwid store each time; the sandbox's ports are fixed, so one demo at a time.
            }, cancellationToken);
            SandboxEnvironment.Apply(sandbox);
            var example = ExamplePath();
            if (!parse.GetValue(json))
                await Console.Error.WriteLineAsync($"sandbox up: {sandbox.BigCommerce.Products.Count} BigCommerce products; running {example}");
            var integration = CommonOptions.LoadIntegration([example]);
            if (integration is null) return 1;
            // A fresh state folder: the demo always starts from an empty Ecwid store.
            var state = Path.Combine(Path.GetTempPath(), $"switchboard-demo-{Guid.NewGuid():N}");
            try
            {
                var options = CommonOptions.Options(parse.GetValue(transport)!, state);
                var exit = await RunCommand.ExecuteAsync(integration, options, null, parse.GetValue(json), TimeSpan.FromMinutes(30), false, cancellationToken);
                if (!parse.GetValue(json))
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
