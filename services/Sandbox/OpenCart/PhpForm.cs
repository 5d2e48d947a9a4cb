using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>PHP's side of a form POST: <c>$_POST</c> as PHP parses the body (<c>product[0][product_id]=5</c> → nested
/// arrays, kept as JSON objects with string keys like PHP's ordered maps), OpenCart's <c>Request::clean</c>, and
/// <c>http_build_query</c> of the result.</summary>
public static class PhpForm
{
    public static JsonObject Parse(string? body)
    {
        var root = new JsonObject();
        if (string.IsNullOrEmpty(body)) return root;
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var name = WebUtility.UrlDecode(kv[0]);
            var value = kv.Length > 1 ? WebUtility.UrlDecode(kv[1]) : "";
            Put(root, name, value);
        }
        return root;
    }

    private static void Put(JsonObject root, string name, string value)
    {
        var bracket = name.IndexOf('[');
        var baseName = bracket < 0 ? name : name[..bracket];
        if (baseName.Length == 0) return;
        // PHP turns '.' and ' ' in the top-level name into '_'.
        baseName = baseName.Replace('.', '_').Replace(' ', '_');
        var segments = new List<string>();
        var rest = bracket < 0 ? "" : name[bracket..];
        while (rest.StartsWith('[') && rest.IndexOf(']') is var close and > 0)
        {
            segments.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }
        if (segments.Count == 0)
        {
            root[baseName] = value;
            return;
        }
        var node = root[baseName] as JsonObject ?? new JsonObject();
        root[baseName] = node;
        for (var i = 0; i < segments.Count; i++)
        {
            var key = segments[i].Length == 0 ? NextIndex(node) : segments[i];
            if (i == segments.Count - 1)
            {
                node[key] = value;
                break;
            }
            var child = node[key] as JsonObject ?? new JsonObject();
            node[key] = child;
            node = child;
        }
    }

    private static string NextIndex(JsonObject node) =>
        (node.Select(p => int.TryParse(p.Key, out var n) ? n : -1).DefaultIfEmpty(-1).Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>OpenCart 4's system/library/request.php: <c>trim(htmlspecialchars($v, ENT_COMPAT, 'UTF-8'))</c> on keys and values.</summary>
    public static JsonObject Clean(JsonObject post)
    {
        var cleaned = new JsonObject();
        foreach (var (key, value) in post)
            cleaned[Clean(key)] = value is JsonObject nested ? Clean(nested) : Clean(value?.ToString() ?? "");
        return cleaned;
    }

    private static string Clean(string text) =>
        text.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;").Trim(' ', '\t', '\n', '\r', '\0', '\v');

    public static string HttpBuildQuery(JsonObject post)
    {
        var parts = new List<string>();
        Build(post, null, parts);
        return string.Join('&', parts);
    }

    private static void Build(JsonObject node, string? prefix, List<string> parts)
    {
        foreach (var (key, value) in node)
        {
            var name = prefix is null ? UrlEncode(key) : $"{prefix}%5B{UrlEncode(key)}%5D";
            if (value is JsonObject nested) Build(nested, name, parts);
            else parts.Add($"{name}={UrlEncode(value?.ToString() ?? "")}");
        }
    }

    /// <summary>PHP's <c>urlencode</c>.</summary>
    public static string UrlEncode(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.') encoded.Append((char)b);
            else if (b == (byte)' ') encoded.Append('+');
            else encoded.Append('%').Append(b.ToString("X2"));
        }
        return encoded.ToString();
    }

    /// <summary>A PHP array of rows (<c>product[0]…</c>, <c>product[1]…</c>) as a list.</summary>
    public static IReadOnlyList<JsonObject> Rows(JsonNode? node) =>
        node is JsonObject rows ? rows.Select(r => r.Value).OfType<JsonObject>().ToArray() : [];

    public static string Str(JsonObject post, string name) => post[name] is JsonValue v ? v.ToString() : "";
}
