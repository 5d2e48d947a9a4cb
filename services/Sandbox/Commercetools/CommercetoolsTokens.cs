using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Switchboard.Sandbox;

/// <summary>The access tokens the emulator's token endpoint issued: their scopes and expiry.</summary>
public sealed class CommercetoolsTokens
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private long _lifetimeTicks = TimeSpan.FromHours(48).Ticks;

    /// <summary>What <c>expires_in</c> says for new tokens (commercetools: 48 h unless the API client sets 1 h – 7 days).</summary>
    public TimeSpan Lifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _lifetimeTicks));
        set => Interlocked.Exchange(ref _lifetimeTicks, value.Ticks);
    }

    public int Issued => _tokens.Count;

    /// <summary>The clock tokens are issued and checked by; a test may put a fake one here and in the client.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public (string Token, IssuedToken Issued) Issue(string scope)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var issued = new IssuedToken(scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), Clock.GetUtcNow() + Lifetime);
        _tokens[token] = issued;
        return (token, issued);
    }

    /// <summary>The token's grant while it is valid; null when unknown or expired.</summary>
    public IssuedToken? Find(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var issued) && issued.ExpiresAt > Clock.GetUtcNow() ? issued : null;

    /// <summary>Every token issued so far expires now: the next request with one gets 401 <c>invalid_token</c>.</summary>
    public void ExpireAll()
    {
        foreach (var token in _tokens.Keys)
            _tokens.AddOrUpdate(token, _ => new IssuedToken([], DateTimeOffset.MinValue), (_, t) => t with { ExpiresAt = DateTimeOffset.MinValue });
    }
}

public sealed record IssuedToken(IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);
