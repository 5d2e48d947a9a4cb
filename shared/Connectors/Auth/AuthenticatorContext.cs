namespace Switchboard.Connectors.Auth;

/// <summary>What an authenticator may need besides the client's settings: the state folder (stored grants),
/// an HTTP client for token endpoints (outside the client's own pipeline), the clock and the environment.</summary>
public sealed record AuthenticatorContext
{
    public required string StateDirectory { get; init; }
    public required Func<HttpClient> TokenHttpClient { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
