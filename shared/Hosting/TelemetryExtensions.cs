using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Switchboard.Hosting;

public static class TelemetryExtensions
{
    /// <summary>Traces (bus and HTTP) and metrics, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public static IServiceCollection AddSwitchboardTelemetry(this IServiceCollection services, string serviceName)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"))) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t.AddSource("MassTransit").AddHttpClientInstrumentation().AddOtlpExporter())
            .WithMetrics(m => m.AddMeter("MassTransit", SwitchboardMetrics.MeterName).AddHttpClientInstrumentation().AddOtlpExporter());
        return services;
    }
}
