using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>A service started as its own process, the way its image runs it, answers the orchestrator's probes:
/// live as soon as it runs, ready only while its broker is connected.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class HealthEndpointTests
{
    internal static readonly string Dll = Path.Combine(ServiceProcess.BuildOutput("services/Connector.BigCommerce"), "Switchboard.Connector.BigCommerce.dll");

    [Fact]
    public async Task A_connector_connected_to_RabbitMQ_is_ready()
    {
        var broker = await RabbitMqBroker.RequireAsync();
        var port = FreePort();
        await using var service = ServiceProcess.Start(Dll, [], Environment(broker, port));

        var ready = await PollAsync(port, "/health/ready", status => status == HttpStatusCode.OK, service);

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.StartsWith("Healthy", ready.Body);
        await service.StopAsync();
    }

    [Fact]
    public async Task A_connector_whose_broker_cannot_be_reached_is_live_but_not_ready()
    {
        await RabbitMqBroker.RequireAsync();
        var port = FreePort();
        // Nothing listens on the discard port: the bus never connects.
        await using var service = ServiceProcess.Start(Dll, [], Environment(new Uri("amqp://guest:guest@127.0.0.1:9/"), port));

        var live = await PollAsync(port, "/health/live", status => status == HttpStatusCode.OK, service);
        var ready = await GetAsync(port, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready!.Value.Status);
        Assert.Contains("masstransit", ready.Value.Body, StringComparison.OrdinalIgnoreCase);
    }

    internal static Dictionary<string, string> Environment(Uri broker, int port) => new()
    {
        ["SWITCHBOARD_INTEGRATION"] = Path.Combine(RepositoryRoot(), "examples", "bigcommerce-to-ecwid.yaml"),
        ["RABBITMQ_URI"] = broker.ToString(),
        ["SWITCHBOARD_QUEUE_PREFIX"] = $"health-{Guid.NewGuid():N}-"[..16],
        ["SWITCHBOARD_STATE"] = Directory.CreateTempSubdirectory("switchboard-health-").FullName,
        ["SWITCHBOARD_HEALTH_PORT"] = port.ToString(),
        ["BIGCOMMERCE_BASE_URI"] = "http://127.0.0.1:9/stores/none",
        ["BIGCOMMERCE_ACCESS_TOKEN"] = "unused",
        ["ECWID_BASE_URI"] = "http://127.0.0.1:9/api/v3",
        ["ECWID_STORE_ID"] = "1",
        ["ECWID_ACCESS_TOKEN"] = "unused",
    };

    /// <summary>Asks until <paramref name="done"/> holds, for at most a minute, then fails with what the service printed.</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> PollAsync(int port, string path, Func<HttpStatusCode, bool> done, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        (HttpStatusCode Status, string Body)? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetAsync(port, path);
            if (last is { } answer && done(answer.Status)) return answer;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        string output;
        lock (service.Output) output = service.Output.ToString();
        Assert.Fail($"{path} answered {last?.Status.ToString() ?? "nothing"} for a minute; the service printed:\n{output}");
        return default;
    }

    private static async Task<(HttpStatusCode Status, string Body)?> GetAsync(int port, string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}{path}", TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Microservices.sln"))) root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException("Microservices.sln not found");
    }
}
