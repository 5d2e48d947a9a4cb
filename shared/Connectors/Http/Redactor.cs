namespace Switchboard.Connectors.Http;

/// <summary>Replaces a client's credentials wherever they appear in text bound for logs, errors and messages.</summary>
public sealed class Redactor(IEnumerable<string> secrets)
{
    public const string Mask = "***";

    /// <summary>Headers whose values are always credentials, whatever the client's settings say.</summary>
    public static readonly IReadOnlySet<string> CredentialHeaders =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Authorization", "X-Auth-Token", "Proxy-Authorization", "Cookie", "Set-Cookie" };

    private readonly string[] _secrets = secrets.Where(s => s.Length >= 4).Distinct().OrderByDescending(s => s.Length).ToArray();

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret) text = text.Replace(escaped, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    public string Describe(HttpRequestMessage request) => Redact($"{request.Method} {request.RequestUri}");
}
