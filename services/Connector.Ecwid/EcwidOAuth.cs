using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;

namespace Switchboard.Connector.Ecwid;

/// <summary>An Ecwid client's <c>auth: {type: oauth, …}</c> settings: the app's credentials, its redirect URI and the
/// scopes it asks for; the authorize and token endpoints are Ecwid's unless the client names others (the sandbox).</summary>
public static class EcwidOAuth
{
    public static readonly Uri DefaultAuthorizeUrl = new("https://my.ecwid.com/api/oauth/authorize");
    public static readonly Uri DefaultTokenUrl = new("https://my.ecwid.com/api/oauth/token");

    public static bool IsOAuth(ClientConfig client) => string.Equals(client.Setting("auth.type"), "oauth", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<SettingProblem> Validate(JsonObject settings)
    {
        if (Text(settings, "auth.clientId") is null && Text(settings, "clientId") is null)
            yield return new("auth.clientId", "is required when auth.type is oauth (the app's client id)");
        if (Text(settings, "auth.clientSecret") is null)
            yield return new("auth.clientSecret", "is required when auth.type is oauth (the app's client secret)");
        if (Text(settings, "auth.redirectUri") is not { } redirect)
            yield return new("auth.redirectUri", "is required when auth.type is oauth, e.g. http://127.0.0.1:8765/callback to receive the code here");
        else if (!IsWebAddress(redirect))
            yield return new("auth.redirectUri", $"expected an absolute http or https URI, got '{redirect}'");
        if (Scopes(settings).Count == 0)
            yield return new("auth.scopes", "is required when auth.type is oauth: a list, or names separated by spaces, e.g. read_catalog update_catalog");
        foreach (var key in new[] { "auth.authorizeUrl", "auth.tokenUrl" })
            if (Text(settings, key) is { } url && !IsWebAddress(url))
                yield return new(key, $"expected an absolute http or https URI, got '{url}'");
    }

    public static AuthorizationCodeSettings Settings(ClientConfig client) => new()
    {
        AuthorizeUrl = client.Setting("auth.authorizeUrl") is { Length: > 0 } authorize ? new Uri(authorize) : DefaultAuthorizeUrl,
        TokenUrl = client.Setting("auth.tokenUrl") is { Length: > 0 } token ? new Uri(token) : DefaultTokenUrl,
        ClientId = client.Setting("auth.clientId") ?? client.Setting("clientId") ?? "",
        ClientSecret = client.Setting("auth.clientSecret") ?? "",
        RedirectUri = new Uri(client.Setting("auth.redirectUri") ?? ""),
        Scopes = Scopes(client.Settings),
    };

    /// <summary>A YAML list, or one string with the names separated by spaces, '+' (as in the authorize URL) or commas.</summary>
    public static IReadOnlyList<string> Scopes(JsonObject settings) =>
        (JsonPaths.Find(settings, "auth.scopes") switch
        {
            JsonArray list => list.Select(s => s?.ToString() ?? ""),
            JsonValue text => text.ToString().Split([' ', '+', ','], StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        }).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? Text(JsonObject settings, string path) =>
        JsonPaths.Find(settings, path) is JsonValue v && v.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
