using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Switchboard.Sandbox;

/// <summary>The tokens the Ecwid emulator accepts, each with its access scopes, and the one-time codes of its OAuth
/// flow. Tokens do not expire (Ecwid revokes them when the app is uninstalled); codes live a few minutes and are
/// good for one exchange.</summary>
public sealed class EcwidAccessTokens
{
    /// <summary>Every scope of Ecwid's "Access scopes" reference that the emulated routes check.</summary>
    public static readonly IReadOnlyList<string> KnownScopes =
    [
        "read_store_profile", "update_store_profile", "read_catalog", "update_catalog", "create_catalog",
        "read_orders", "update_orders", "create_orders", "read_customers", "update_customers", "create_customers",
        "read_discount_coupons", "update_discount_coupons", "create_discount_coupons",
    ];

    /// <summary>Public tokens only read what a storefront shows.</summary>
    private static readonly string[] PublicScopes = ["read_store_profile", "read_catalog"];

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);

    public IReadOnlySet<string>? ScopesOf(string? token) => token is not null && _tokens.TryGetValue(token, out var scopes) ? scopes : null;

    public void Add(string token, IEnumerable<string> scopes) => _tokens[token] = scopes.ToHashSet(StringComparer.Ordinal);

    /// <summary>As when the merchant uninstalls the app.</summary>
    public bool Revoke(string token) => _tokens.TryRemove(token, out _);

    /// <summary>A new secret token with the scopes (read_store_profile always included) and its public token.</summary>
    public (string Secret, string Public) Issue(IEnumerable<string> scopes)
    {
        var secret = "secret_" + Random();
        var publicToken = "public_" + Random();
        Add(secret, scopes.Append("read_store_profile"));
        Add(publicToken, PublicScopes);
        return (secret, publicToken);
    }

    internal string IssueCode(string clientId, string redirectUri, IReadOnlyList<string> scopes)
    {
        var code = Random();
        _codes[code] = new AuthorizationCode(clientId, redirectUri, scopes, DateTimeOffset.UtcNow + CodeLifetime);
        return code;
    }

    /// <summary>The code's grant, taken out: a second exchange of the same code finds nothing.</summary>
    internal AuthorizationCode? Redeem(string code) =>
        _codes.TryRemove(code, out var grant) && grant.ExpiresAt > DateTimeOffset.UtcNow ? grant : null;

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

internal sealed record AuthorizationCode(string ClientId, string RedirectUri, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);
