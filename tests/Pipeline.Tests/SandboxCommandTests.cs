using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>switchboard sandbox</c> and the standalone Sandbox, started as a person starts them, on ports they chose,
/// and stopped with Ctrl+C.</summary>
[Collection(nameof(PipelineCollection))]
public sealed partial class SandboxCommandTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    private static string StandaloneSandbox => Path.Combine(AppContext.BaseDirectory, "Switchboard.Sandbox.dll");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sandbox_on_free_ports_prints_the_uris_it_bound_and_its_fault_endpoint_works_from_what_it_printed()
    {
        await using var sandbox = ServiceProcess.Start(Switchboard, ["sandbox", "--free-ports"], new Dictionary<string, string>());
        await sandbox.WaitForOutputAsync("Ctrl+C stops.", StartLimit, Ct);
        var printed = sandbox.Printed();
        var bigCommerce = Export(printed, "BIGCOMMERCE_BASE_URI");
        var faults = CurlTarget().Match(printed).Groups["uri"].Value;

        using var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", Export(printed, "BIGCOMMERCE_ACCESS_TOKEN"));
        using var set = await client.PostAsync(faults, new StringContent("""{"serverErrors": {"next": 1, "status": 503}}"""), Ct);
        using var faulted = await client.GetAsync($"{bigCommerce}/v3/catalog/products", Ct);
        using var answered = await client.GetAsync($"{bigCommerce}/v3/catalog/products", Ct);
        var exit = await sandbox.InterruptAsync(StopLimit);

        Assert.NotEqual(38101, new Uri(bigCommerce).Port);
        Assert.Equal(new Uri(bigCommerce).Port, new Uri(faults).Port);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(exit == 0, sandbox.Printed());
    }

    [Fact]
    public async Task Sandbox_with_a_port_base_puts_the_five_emulators_on_it_and_the_four_ports_after_it()
    {
        var first = FreePortRun();
        await using var sandbox = ServiceProcess.Start(Switchboard, ["sandbox", "--port-base", first.ToString()], new Dictionary<string, string>());
        await sandbox.WaitForOutputAsync("Ctrl+C stops.", StartLimit, Ct);
        var printed = sandbox.Printed();

        using var client = new HttpClient();
        using var ecwid = await client.GetAsync($"{Export(printed, "ECWID_BASE_URI")}/1003/products?token={Export(printed, "ECWID_ACCESS_TOKEN")}", Ct);
        var exit = await sandbox.InterruptAsync(StopLimit);

        Assert.Contains($"export BIGCOMMERCE_BASE_URI=http://127.0.0.1:{first}/stores/sandbox", printed);
        Assert.Contains($"export ECWID_BASE_URI=http://127.0.0.1:{first + 1}/api/v3", printed);
        Assert.Contains($"export CSCART_BASE_URI=http://127.0.0.1:{first + 2}", printed);
        Assert.Contains($"export OPENCART_BASE_URI=http://127.0.0.1:{first + 3}", printed);
        Assert.Contains($"export COMMERCETOOLS_API_URL=http://127.0.0.1:{first + 4}", printed);
        Assert.Contains($"curl -X POST http://127.0.0.1:{first}/_sandbox/faults", printed);
        Assert.Equal(HttpStatusCode.OK, ecwid.StatusCode);
        Assert.True(exit == 0, sandbox.Printed());
    }

    [Fact]
    public async Task The_standalone_sandbox_takes_a_port_base_too()
    {
        var first = FreePortRun();
        await using var sandbox = ServiceProcess.Start(StandaloneSandbox, ["--port-base", first.ToString()], new Dictionary<string, string>());
        await sandbox.WaitForOutputAsync("Ctrl+C to stop.", StartLimit, Ct);
        var printed = sandbox.Printed();
        var exit = await sandbox.InterruptAsync(StopLimit);

        Assert.Contains($"BigCommerce  http://127.0.0.1:{first}/stores/sandbox", printed);
        Assert.Contains($"commercetools http://127.0.0.1:{first + 4}/", printed);
        Assert.Contains($"http://127.0.0.1:{first}/_sandbox/faults", printed);
        Assert.True(exit == 0, sandbox.Printed());
    }

    [Theory]
    [InlineData(new[] { "--port-base", "65535" }, "--port-base must be between 1 and 65531")]
    [InlineData(new[] { "--port-base", "40000", "--free-ports" }, "--port-base and --free-ports exclude each other")]
    public async Task A_port_base_that_cannot_be_used_is_refused_before_anything_starts(string[] options, string message)
    {
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["sandbox", .. options], cancellationToken: Ct, timeout: StartLimit);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("export BIGCOMMERCE_BASE_URI", stdout);
    }

    private static string Export(string printed, string name) =>
        Regex.Match(printed, $"^export {name}=(?<value>\\S+)$", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups["value"].Value
            : throw new Xunit.Sdk.XunitException($"no `export {name}=` in:\n{printed}");

    [GeneratedRegex(@"^curl -X POST (?<uri>\S+) ", RegexOptions.Multiline)]
    private static partial Regex CurlTarget();

    /// <summary>Five consecutive ports free now, below the range the system hands out for port 0 (so the other tests'
    /// sandboxes on free ports do not take them meanwhile).</summary>
    private static int FreePortRun()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20_000, 30_000);
            var listeners = new List<TcpListener>();
            try
            {
                for (var port = first; port < first + 5; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }
                return first;
            }
            catch (SocketException)
            {
            }
            finally
            {
                foreach (var listener in listeners) listener.Stop();
            }
        }
        throw new InvalidOperationException("no five consecutive free ports between 20000 and 30000");
    }
}
