using System.Text.RegularExpressions;

namespace Switchboard.Connectors.Http;

/// <summary>Replaces a client's credentials wherever they appear in text bound for logs, errors and messages.</summary>
public sealed class Redactor(IEnumerable<string> secrets)
{
    public const string Mask = "***";

    /// <summary>Headers whose values are always credentials, whatever the client's settings say.</summary>
    public static readonly IReadOnlySet<string> CredentialHeaders =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Authorization", "X-Auth-Token", "Proxy-Authorization", "Cookie", "Set-Cookie" };

    /// <summary>Parameters and JSON properties that carry credentials the client obtains at run time (OpenCart's
    /// session <c>api_token</c>, its 4.1 <c>signature</c>, OAuth tokens) and so are not among the configured secrets.</summary>
    public static readonly IReadOnlyList<string> CredentialFields =
        ["api_token", "token", "access_token", "refresh_token", "id_token", "signature", "client_secret", "password"];

    private static readonly Regex CredentialParameter = new(
        $@"(?<=(?:^|[?&\s;])(?:{string.Join('|', CredentialFields)})=)[^&#\s""']+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex CredentialProperty = new(
        $@"(?<=""(?:{string.Join('|', CredentialFields)})""\s*:\s*"")[^""]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

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
        text = CredentialParameter.Replace(text, Mask);
        return CredentialProperty.Replace(text, Mask);
    }

    public string Describe(HttpRequestMessage request) => Redact($"{request.Method} {request.RequestUri}");
}
