namespace Switchboard.Connectors.Auth;

/// <summary>Credentials that are a session opened by a login call (OpenCart's <c>api_token</c>): logs in on first
/// use, puts the session on every request, and logs in again — once, however many requests saw it — when an answer
/// says the session is gone, even when that answer is an HTTP 200.</summary>
public abstract class SessionAuthenticator : IRequestAuthenticator
{
    /// <summary>Set on a request that already carries its own session (a write that opens a session of its own):
    /// the shared session is neither applied to it nor renewed by it.</summary>
    public static readonly HttpRequestOptionsKey<bool> OwnSession = new("switchboard.own-session");

    private static readonly HttpRequestOptionsKey<string> AppliedSession = new("switchboard.applied-session");

    private readonly SharedCredential<string> _session;

    protected SessionAuthenticator() => _session = new(LoginAsync);

    /// <summary>Opens a session; throws a <see cref="Errors.PlatformException"/> with the platform's message when refused.</summary>
    protected abstract Task<string> LoginAsync(CancellationToken cancellationToken);

    /// <summary>Puts <paramref name="session"/> on the request (a query parameter, a header, a cookie).</summary>
    protected abstract void Apply(HttpRequestMessage request, string session);

    /// <summary>True when the answer's body says the session expired or is unknown.</summary>
    protected abstract bool SaysSessionExpired(HttpResponseMessage response, string body);

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (HasOwnSession(request)) return;
        var session = await _session.CurrentAsync(cancellationToken);
        request.Options.Set(AppliedSession, session);
        Apply(request, session);
    }

    public async ValueTask<bool> IsExpiredAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.RequestMessage is not { } request || HasOwnSession(request)
            || !request.Options.TryGetValue(AppliedSession, out var applied)) return false;
        // Buffered, so the connector reads the same body afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!SaysSessionExpired(response, body)) return false;
        _session.Drop(current => current == applied);
        return true;
    }

    public async ValueTask RenewAsync(CancellationToken cancellationToken) => await _session.CurrentAsync(cancellationToken);

    private static bool HasOwnSession(HttpRequestMessage request) =>
        request.Options.TryGetValue(OwnSession, out var own) && own;
}
