using System.Net;
using Polly.Timeout;

namespace Switchboard.Connectors.Http;

/// <summary>Which failures are worth trying again, for every client, at the HTTP and at the message level.</summary>
/// <remarks>A refusal before the platform did anything (429, 503, no connection) is retried for every method. An
/// answer that leaves it open whether the write happened (500, 502, 504, a timeout) is retried only for methods
/// that can be repeated safely: repeating a POST could create the entity twice. 408 says the platform stopped
/// waiting for the request before it was whole, and a timeout before any attempt went out (queued for a rate limit)
/// sent nothing: both are retried for every method.</remarks>
public static class RetryRules
{
    public static bool IsRepeatable(HttpMethod? method) =>
        method is null || method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Head || method == HttpMethod.Options;

    public static bool IsTransient(HttpMethod? method, int status) => status switch
    {
        // 509 Bandwidth Limit Exceeded is a request quota (CS-Cart's Tygh\Api\Response, cPanel hosts): refused before anything happened.
        408 or 429 or 503 or 509 => true,
        500 or 502 or 504 => IsRepeatable(method),
        _ => false,
    };

    /// <param name="sent">Whether any attempt went out (<see cref="AttemptSent"/>); false only when none surely did.</param>
    public static bool IsTransient(HttpMethod? method, Exception exception, bool sent = true) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        TimeoutRejectedException or TaskCanceledException when !sent => true,
        HttpRequestException or TimeoutRejectedException or TaskCanceledException => IsRepeatable(method),
        Polly.CircuitBreaker.BrokenCircuitException or Polly.RateLimiting.RateLimiterRejectedException => true,
        _ => false,
    };

    public static bool IsTransient(HttpMethod? method, HttpStatusCode status) => IsTransient(method, (int)status);
}
