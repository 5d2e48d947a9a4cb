using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Auth;

/// <summary>OAuth 2.0 client credentials (RFC 6749 §4.4): a bearer token fetched from the token endpoint with HTTP
/// Basic client authentication, shared by every request of the client, renewed shortly before it expires and once
/// when the platform answers 401 <c>invalid_token</c> (RFC 6750 §3.1). Concurrent requests wait for one fetch.</summary>
public sealed class OAuth2ClientCredentialsAuthenticator(OAuth2ClientCredentials credentials, AuthenticatorContext context) : IRequestAuthenticator
{
    /// <summary>How long before expiry a token is replaced (at most half its lifetime), so none expires in flight.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly Redactor _redactor = new([credentials.ClientSecret]);
    private SharedCredential<OAuth2Token>? _token;

    // Made on first use: it needs this instance's methods. Making it twice at once only discards one, unused.
    private SharedCredential<OAuth2Token> Token => LazyInitializer.EnsureInitialized(ref _token, () => new(RequestTokenAsync, IsFresh));

    public OAuth2ClientCredentials Credentials => credentials;

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await CurrentAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public async ValueTask<bool> IsExpiredAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await SaysInvalidToken(response, cancellationToken))
            return false;
        var refused = response.RequestMessage?.Headers.Authorization?.Parameter;
        Token.Drop(current => current.AccessToken == refused);
        return true;
    }

    public async ValueTask RenewAsync(CancellationToken cancellationToken) => await CurrentAsync(cancellationToken);

    /// <summary>The cached token while it is fresh, else a new one; one fetch at a time.</summary>
    public Task<OAuth2Token> CurrentAsync(CancellationToken cancellationToken) => Token.CurrentAsync(cancellationToken);

    /// <summary>Asks the token endpoint for a new token; a refusal becomes a <see cref="PlatformException"/> with the
    /// endpoint's own message, the secret redacted.</summary>
    public async Task<OAuth2Token> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!string.IsNullOrWhiteSpace(credentials.Scope)) fields["scope"] = credentials.Scope;
        using var request = new HttpRequestMessage(HttpMethod.Post, credentials.TokenEndpoint) { Content = new FormUrlEncodedContent(fields) };
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for Basic authentication.
        var basic = $"{Uri.EscapeDataString(credentials.ClientId)}:{Uri.EscapeDataString(credentials.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var described = $"POST {credentials.TokenEndpoint}";
        var http = context.TokenHttpClient();
        string body;
        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                   || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Refusal(null, [$"the token endpoint did not answer: {ex.Message}"], described, ex);
        }
        if (status is < 200 or >= 300)
            throw Refusal(status, OAuthErrorReader.Read(body, null, "the token endpoint refused the credentials"), described);
        return Parse(body) ?? throw Refusal(status, ["the token endpoint's answer has no access_token"], described);
    }

    private bool IsFresh(OAuth2Token token)
    {
        var margin = token.Lifetime / 2 < RenewBefore ? token.Lifetime / 2 : RenewBefore;
        return context.Clock.GetUtcNow() < token.ExpiresAt - margin;
    }

    private OAuth2Token? Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject answer || answer["access_token"]?.ToString() is not { Length: > 0 } accessToken)
                return null;
            var now = context.Clock.GetUtcNow();
            // expires_in is RECOMMENDED, not required; without it the token is used until the platform refuses it.
            var expiresIn = answer["expires_in"] is JsonValue v && double.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(1);
            return new OAuth2Token(accessToken, now, now + expiresIn, answer["scope"]?.ToString());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<bool> SaysInvalidToken(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.WwwAuthenticate.Any(h => h.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true))
            return true;
        // Reading buffers the content, so the caller can still read the body when this was not an expiry.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Contains("\"invalid_token\"", StringComparison.Ordinal);
    }

    private PlatformException Refusal(int? status, IReadOnlyList<string> messages, string request, Exception? inner = null) =>
        new(new PlatformError
        {
            StatusCode = status,
            Messages = messages.Select(m => _redactor.Redact(m)).ToArray(),
            Request = request,
            // Asking for a token changes nothing on the platform: it may be repeated like a read.
            Transient = status is not { } code || RetryRules.IsTransient(HttpMethod.Get, code),
        }, inner);
}
