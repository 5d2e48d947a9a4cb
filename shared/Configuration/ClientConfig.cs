using System.Text.Json.Nodes;

namespace Switchboard.Configuration;

public enum RequestLogging { None, Simple, Full }

/// <summary>Client-side request budget shared by every request of one client.</summary>
public sealed record RateLimitConfig(int Requests, double PerSeconds);

/// <summary>An HTTP client of one platform: base URI, credentials and options.</summary>
public sealed record ClientConfig
{
    public required string Name { get; init; }
    public required string Platform { get; init; }
    public required Uri BaseUri { get; init; }
    public RequestLogging LogRequests { get; init; } = RequestLogging.None;
    public RateLimitConfig? RateLimit { get; init; }
    /// <summary>The platform's own keys (accessToken, storeId, auth, …), environment references resolved.</summary>
    public JsonObject Settings { get; init; } = new();
    /// <summary>Resolved values of credential keys, so logs and errors can redact them wherever they appear.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>A string setting by dotted path (<c>auth.accessToken</c>), or null.</summary>
    public string? Setting(string dottedPath)
    {
        JsonNode? node = Settings;
        foreach (var part in dottedPath.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        return node is JsonValue v ? v.ToString() : null;
    }
}
