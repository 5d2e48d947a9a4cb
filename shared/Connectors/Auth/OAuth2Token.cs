namespace Switchboard.Connectors.Auth;

/// <summary>An access token from an OAuth 2.0 token endpoint: the bearer value, when it was issued and expires,
/// and the scopes the endpoint granted (RFC 6749 §5.1).</summary>
public sealed record OAuth2Token(string AccessToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? Scope)
{
    public TimeSpan Lifetime => ExpiresAt - IssuedAt;
}

/// <summary>What a client-credentials token request needs: the token endpoint, the client's id and secret, the scopes.</summary>
public sealed record OAuth2ClientCredentials(Uri TokenEndpoint, string ClientId, string ClientSecret, string? Scope);
