using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Switchboard.Host;
using Switchboard.Host.Runs;
using Switchboard.Hosting;
using Switchboard.Sandbox;

// End-to-end throughput: N BigCommerce products through the whole pipeline into Ecwid, sandbox rate limits off,
// on each transport asked for. Usage: dotnet run -c Release --project tests/Benchmarks -- [products] [inmemory|rabbitmq]…
var products = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1000;
var transports = args.Skip(1).DefaultIfEmpty("inmemory").ToArray();
const int Iterations = 3;

foreach (var transport in transports)
{
    var times = new List<double>();
    for (var i = 0; i < Iterations + 1; i++)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            FreePorts = true, SeedBigCommerceProducts = products, EnforceRateLimits = false,
        });
        SandboxEnvironment.Apply(sandbox);
        var folder = Directory.CreateTempSubdirectory("switchboard-bench-").FullName;
        var file = Path.Combine(folder, "integration.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "bigcommerce-to-ecwid.yaml")))
            .Replace("logRequests: simple", "logRequests: none")
            .Replace("rateLimit: { requests: 600, perSeconds: 60 }", "rateLimit: { requests: 100000, perSeconds: 1 }")
            .Replace("      - filter: \"is_visible\"\n", ""));
        var integration = SwitchboardHost.LoadIntegration([file], AllModules.Create(runSchedules: false));
        var options = new SwitchboardOptions
        {
            Transport = transport == "rabbitmq" ? Transport.RabbitMq : Transport.InMemory,
            RabbitMqUri = transport == "rabbitmq" ? SwitchboardOptions.RabbitMqUriFromEnvironment() : null,
            StateDirectory = Path.Combine(folder, "state"),
            QueuePrefix = $"bench{Guid.NewGuid():N}"[..13] + "-",
        };
        using var host = RunSession.BuildHost(options, integration, runSchedules: false, verbose: false);
        await host.StartAsync();
        var clock = Stopwatch.StartNew();
        var summary = await RunSession.RunAsync(host, ["bc-products"], showProgress: false, TimeSpan.FromMinutes(10), CancellationToken.None);
        clock.Stop();
        await host.StopAsync();
        Directory.Delete(folder, recursive: true);
        if (summary.Totals.Published != products)
            throw new InvalidOperationException($"published {summary.Totals.Published} of {products}: {string.Join("; ", summary.Errors.Concat(summary.RunErrors))}");
        if (i > 0) times.Add(clock.Elapsed.TotalSeconds); // the first run warms up the JIT and the broker
    }
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{transport,-9} {products} products: median {median:0.00} s over {Iterations} runs " +
                      $"(min {times[0]:0.00}, max {times[^1]:0.00}) = {products / median:0} entities/s end to end");
}
