using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Configuration;
using Switchboard.Connectors.Auth;

namespace Switchboard.Connectors.Http;

/// <summary>Registers one named HttpClient per configured client of a platform, each with its authentication,
/// request logging and resilience pipeline.</summary>
public static class PlatformHttpClients
{
    public static string NameOf(string client) => $"switchboard:{client}";

    /// <summary>The plain client authenticators use for token endpoints, outside any client's own pipeline.</summary>
    public const string TokenClientName = "switchboard:auth";

    /// <param name="clock">What authenticators tell a token's age by (default: the system clock).</param>
    public static IServiceCollection AddPlatformHttpClients(this IServiceCollection services, Integration integration, PlatformConnector platform, string stateDirectory,
        TimeProvider? clock = null)
    {
        services.AddHttpClient(TokenClientName).AddStandardResilienceHandler();
        foreach (var client in integration.Clients.Values.Where(c => c.Platform.Equals(platform.Name, StringComparison.OrdinalIgnoreCase)))
        {
            var limiter = ResiliencePolicy.ClientLimit(client.RateLimit);
            var redactor = new Redactor(client.Secrets);
            var builder = services.AddHttpClient(NameOf(client.Name), http => http.Timeout = Timeout.InfiniteTimeSpan);
            builder.AddResilienceHandler(NameOf(client.Name), pipeline => ResiliencePolicy.Configure(pipeline, platform, limiter));
            if (platform.RateLimitHeaders is { } headers)
            {
                var gate = new RateLimitGate(headers, TimeProvider.System);
                builder.AddHttpMessageHandler(() => new RateLimitGateHandler(gate));
            }
            // One authenticator per client, shared by every handler chain, so a token or session is fetched once.
            IRequestAuthenticator? authenticator = null;
            var once = new object();
            builder.AddHttpMessageHandler(sp =>
            {
                lock (once)
                    authenticator ??= platform.CreateAuthenticator(client, new AuthenticatorContext
                    {
                        StateDirectory = stateDirectory,
                        TokenHttpClient = () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClientName),
                        Clock = clock ?? TimeProvider.System,
                    });
                return new AuthenticationHandler(authenticator);
            });
            builder.AddHttpMessageHandler(() => new AttemptSentHandler());
            builder.AddHttpMessageHandler(() => new RequestMetricsHandler(client.Name));
            if (client.LogRequests != RequestLogging.None)
                builder.AddHttpMessageHandler(sp => new RequestLoggingHandler(client.LogRequests, redactor,
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger($"Switchboard.Http.{client.Name}")));
        }
        return services;
    }
}
