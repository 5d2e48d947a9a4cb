using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Switchboard.Configuration;

namespace Switchboard.Connectors.Http;

/// <summary>The one retry, rate-limit, circuit-breaker and timeout policy every client's requests go through.</summary>
/// <remarks>Order, outermost first: total timeout → retry → circuit breaker → client rate limit → attempt timeout,
/// so every attempt takes a permit of the client's budget and a slow attempt is retried, not the whole call.</remarks>
public static class ResiliencePolicy
{
    public static TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);
    public static TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public const int RetryAttempts = 6;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, PlatformConnector platform, RateLimiter? clientLimit)
    {
        pipeline.AddTimeout(TotalTimeout);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = RetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = false,
            DelayGenerator = RetryDelays.Generator(platform.RateLimitHeaders),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => RetryRules.IsTransient(response.RequestMessage?.Method, response.StatusCode),
                { Exception: { } exception } => RetryRules.IsTransient(args.Context.GetRequestMessage()?.Method, exception,
                    AttemptSent.Of(args.Context.GetRequestMessage())),
                _ => false,
            }),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // 429 is the platform pacing us, not failing: it must not open the circuit.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout,
                _ => false,
            }),
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
        });
        if (clientLimit is not null)
            pipeline.AddRateLimiter(new HttpRateLimiterStrategyOptions
            {
                RateLimiter = args => clientLimit.AcquireAsync(1, args.Context.CancellationToken),
            });
        pipeline.AddTimeout(AttemptTimeout);
    }

    /// <summary>The client's own request budget (<c>rateLimit</c>), shared by all its requests; callers queue for it.</summary>
    public static RateLimiter? ClientLimit(RateLimitConfig? config) => config is null ? null
        : new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = config.Requests,
            Window = TimeSpan.FromSeconds(config.PerSeconds),
            SegmentsPerWindow = Math.Clamp(config.Requests, 1, 10),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
}
