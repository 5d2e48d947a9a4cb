using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Hosting;

/// <summary>The service defaults an orchestrator probes: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (200 only while every check tagged <c>ready</c> is healthy: the bus is connected — MassTransit registers that
/// check — and the state database is reachable where the service has one).</summary>
/// <remarks>Served on <c>SWITCHBOARD_HEALTH_PORT</c> (the images set 8080); unset or 0 serves nothing, so tests and
/// the command line open no port. A plain <see cref="HttpListener"/> keeps the images on the .NET runtime without
/// ASP.NET Core.</remarks>
public static class HealthEndpoints
{
    public const string PortVariable = "SWITCHBOARD_HEALTH_PORT";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSwitchboardHealth(this IServiceCollection services, int? port = null)
    {
        services.AddHealthChecks();
        port ??= int.TryParse(Environment.GetEnvironmentVariable(PortVariable), out var fromEnvironment) ? fromEnvironment : 0;
        if (port > 0) services.AddHostedService(sp => new HealthServer(port.Value, sp.GetRequiredService<HealthCheckService>(), sp.GetRequiredService<ILogger<HealthServer>>()));
        return services;
    }
}

/// <summary>Answers the two probe paths; anything else is 404.</summary>
internal sealed class HealthServer(int port, HealthCheckService checks, ILogger<HealthServer> logger) : BackgroundService
{
    private readonly HttpListener _listener = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Prefixes.Add($"http://+:{port}/");
        _listener.Start();
        logger.LogInformation("Health endpoints on port {Port}: /health/live, /health/ready", port);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stop = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            _ = AnswerAsync(context, stoppingToken);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken stoppingToken)
    {
        var response = context.Response;
        try
        {
            var (status, text) = context.Request.Url?.AbsolutePath switch
            {
                "/health/live" => (200, "Healthy"),
                "/health/ready" => await Readiness(stoppingToken),
                _ => (404, "Not found: /health/live or /health/ready"),
            };
            response.StatusCode = status;
            response.ContentType = "text/plain; charset=utf-8";
            var body = System.Text.Encoding.UTF8.GetBytes(text);
            await response.OutputStream.WriteAsync(body, stoppingToken);
        }
        catch (Exception ex) when (ex is HttpListenerException or OperationCanceledException or ObjectDisposedException)
        {
            // The prober went away or the service is stopping: nothing to answer.
        }
        finally
        {
            try { response.Close(); } catch (ObjectDisposedException) { }
        }
    }

    private async Task<(int, string)> Readiness(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.ReadyTag), limit.Token);
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } d ? " — " + d : "")}");
        var text = $"{report.Status}\n{string.Join('\n', lines)}";
        return (report.Status == HealthStatus.Healthy ? 200 : 503, text);
    }

    public override void Dispose()
    {
        base.Dispose();
        ((IDisposable)_listener).Dispose();
    }
}
