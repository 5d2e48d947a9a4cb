using System.Net;
using System.Text;

namespace Switchboard.Connectors.Http;

/// <summary>Form fields written exactly as PHP's <c>http_build_query</c> writes them (RFC 1738: <c>urlencode</c>, space
/// as <c>+</c>, only <c>A-Z a-z 0-9 - _ .</c> left as they are) — what a platform hashes when it signs a POST body.</summary>
public static class PhpQueryString
{
    public static string Build(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{UrlEncode(f.Key)}={UrlEncode(f.Value)}"));

    /// <summary>The fields of an <c>application/x-www-form-urlencoded</c> body, in their order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(WebUtility.UrlDecode(kv[0]), kv.Length > 1 ? WebUtility.UrlDecode(kv[1]) : ""))
            .ToArray();

    /// <summary>PHP's <c>urlencode</c>.</summary>
    public static string UrlEncode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.')
                encoded.Append((char)b);
            else if (b == (byte)' ')
                encoded.Append('+');
            else
                encoded.Append('%').Append(b.ToString("X2"));
        }
        return encoded.ToString();
    }
}
