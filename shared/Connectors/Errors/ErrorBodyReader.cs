using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Connectors.Errors;

/// <summary>Finds a platform's own error messages in an answer body, whatever shape it has: an object with
/// message keys and per-field errors, an array of such objects, plain text, or an HTML page.</summary>
public sealed partial record ErrorBodyReader
{
    /// <summary>Keys holding the main message, in order of preference.</summary>
    public IReadOnlyList<string> MessageKeys { get; init; } = ["title", "errorMessage", "message", "error", "detail"];

    /// <summary>Keys holding per-field or further errors (an object of field → message, or an array).</summary>
    public IReadOnlyList<string> DetailKeys { get; init; } = ["errors", "details"];

    /// <summary>A key naming the error's code; when set, an object's message reads "code: message"
    /// (commercetools: <c>{"code": "ConcurrentModification", "message": …}</c>).</summary>
    public string? CodeKey { get; init; }

    /// <summary>When the detail errors have messages, they replace the summary message that repeats them.</summary>
    public bool PreferDetails { get; init; }

    public static readonly ErrorBodyReader Default = new();

    public IReadOnlyList<string> Read(string? body, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                var messages = new List<string>();
                Collect(JsonNode.Parse(body), messages, depth: 0);
                if (messages.Count > 0) return messages;
            }
            catch (JsonException)
            {
                return [$"malformed JSON answer: {Shorten(body)}"];
            }
        }
        if (trimmed.StartsWith('<') || contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A proxy's or server's error page says what happened in its title, else its first heading, else its text.
            var said = new[] { HtmlTitle().Match(body), HtmlHeading().Match(body) }
                .Where(m => m.Success).Select(m => HtmlTags().Replace(m.Groups[1].Value, " ").Trim())
                .FirstOrDefault(text => text.Length > 0)
                ?? Shorten(Whitespace().Replace(HtmlTags().Replace(body, " "), " ").Trim());
            return [$"HTML page instead of JSON{(said.Length > 0 ? $": {System.Net.WebUtility.HtmlDecode(said)}" : "")}"];
        }
        return [Shorten(body)];
    }

    private void Collect(JsonNode? node, List<string> messages, int depth)
    {
        if (depth > 3 || node is null) return;
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Collect(item, messages, depth + 1);
                break;
            case JsonObject obj:
                var details = new List<string>();
                CollectDetails(obj, details, depth);
                if (!PreferDetails || details.Count == 0)
                    foreach (var key in MessageKeys)
                        if (obj[key] is JsonValue v && v.ToString() is { Length: > 0 } text)
                        {
                            messages.Add(CodeKey is not null && obj[CodeKey] is JsonValue code ? $"{code}: {text}" : text);
                            break;
                        }
                        else if (obj[key] is JsonObject nested && depth < 3)
                            Collect(nested, messages, depth + 1);
                messages.AddRange(details);
                break;
            case JsonValue value:
                messages.Add(value.ToString());
                break;
        }
    }

    private void CollectDetails(JsonObject obj, List<string> messages, int depth)
    {
        foreach (var key in DetailKeys)
            switch (obj[key])
            {
                case JsonObject fields:
                    foreach (var (field, value) in fields)
                        if (value is JsonValue fv) messages.Add($"{field}: {fv}");
                        else Collect(value, messages, depth + 1);
                    break;
                case JsonArray list:
                    Collect(list, messages, depth + 1);
                    break;
            }
    }

    private static string Shorten(string text) =>
        text.Length <= 300 ? text.Trim() : text[..300].Trim() + "…";

    [GeneratedRegex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlHeading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex HtmlTags();
}
