namespace Switchboard.Connectors.Http;

/// <summary>Whether any attempt of a request went out to the platform. A request that timed out while still queued
/// for the client's rate limit or the platform's quota was never sent, so it may be tried again whatever its method.</summary>
/// <remarks>The resilience handler sends a copy of the request per attempt; copies share their options' values, so the
/// flag is an object the copies share rather than a value each copy would set on itself.</remarks>
public static class AttemptSent
{
    private static readonly HttpRequestOptionsKey<Flag> Key = new("switchboard.attempt-sent");

    /// <summary>Starts tracking <paramref name="request"/>; untracked requests count as sent, the cautious answer.</summary>
    public static void Track(HttpRequestMessage request) => request.Options.Set(Key, new Flag());

    public static void Mark(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Key, out var flag)) flag.Sent = true;
    }

    public static bool Of(HttpRequestMessage? request) =>
        request is null || !request.Options.TryGetValue(Key, out var flag) || flag.Sent;

    private sealed class Flag
    {
        public volatile bool Sent;
    }
}

/// <summary>Marks a request as sent as its attempt leaves for the platform (after every wait for permits and tokens).</summary>
public sealed class AttemptSentHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttemptSent.Mark(request);
        return base.SendAsync(request, cancellationToken);
    }
}
