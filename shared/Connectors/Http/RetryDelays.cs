using System.Globalization;
using Polly;
using Polly.Retry;

namespace Switchboard.Connectors.Http;

/// <summary>How long a platform asked us to wait: <c>Retry-After</c> (seconds or a date), or the platform's
/// own reset header on a 429. Null lets the retry fall back to exponential backoff with jitter.</summary>
/// <remarks>Platforms such as BigCommerce put their quota reset on every answer; it says when the quota window
/// ends, which is the wait only when the quota is what refused us. A 500 waits by backoff, not for the window.</remarks>
public static class RetryDelays
{
    /// <summary>Waits the platform names are capped, so a wrong header cannot park a request for hours.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(2);

    public static Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>> Generator(RateLimitHeaders? platformHeaders) =>
        args => ValueTask.FromResult(args.Outcome.Result is { } response ? Requested(response, platformHeaders) : null);

    public static TimeSpan? Requested(HttpResponseMessage response, RateLimitHeaders? platformHeaders)
    {
        TimeSpan? wait = null;
        if (response.Headers.RetryAfter is { } retryAfter)
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        else if (platformHeaders is not null && response.StatusCode == System.Net.HttpStatusCode.TooManyRequests
                 && response.Headers.TryGetValues(platformHeaders.ResetHeader, out var values)
                 && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var reset))
            wait = platformHeaders.ResetIsMilliseconds ? TimeSpan.FromMilliseconds(reset) : TimeSpan.FromSeconds(reset);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > Longest ? Longest : wait;
    }
}
