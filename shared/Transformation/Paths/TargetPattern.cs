using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Transformation;

/// <summary>A dotted target path whose segments may hold <c>$1</c>, <c>$2</c>, … — what the source pattern's
/// wildcards matched (<c>skus.$1</c>). A segment that is exactly a list index captured from a list writes into a list.</summary>
public sealed partial class TargetPattern
{
    private readonly string[] _segments;

    private TargetPattern(string text, string[] segments, int highestReference)
    {
        Text = text;
        _segments = segments;
        HighestReference = highestReference;
    }

    public string Text { get; }

    /// <summary>The largest <c>$n</c> used; 0 when the target has none.</summary>
    public int HighestReference { get; }

    public static bool HasReferences(string text) => Reference().IsMatch(text);

    public static bool TryParse(string text, [NotNullWhen(true)] out TargetPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        var segments = text.Split('.');
        if (segments.Any(s => s.Trim().Length == 0))
        {
            error = $"target path '{text}' is not valid: it must be keys separated by dots, none of them empty";
            return false;
        }

        var references = Reference().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        if (references.Any(r => r == 0))
        {
            error = $"target path '{text}': wildcard references count from $1";
            return false;
        }

        error = null;
        pattern = new TargetPattern(text, segments, references.DefaultIfEmpty(0).Max());
        return true;
    }

    /// <summary>Sets the value at the path with the references replaced, creating objects (or lists, for captured list
    /// indexes) on the way. Throws <see cref="InvalidOperationException"/> when something else is in the way.</summary>
    public void Set(JsonObject root, IReadOnlyList<Capture> captures, JsonNode? value)
    {
        var keys = _segments.Select(s => Resolve(s, captures)).ToArray();
        JsonNode container = root;
        for (var i = 0; i < keys.Length; i++)
        {
            var (key, isIndex) = keys[i];
            var last = i == keys.Length - 1;
            var existing = Get(container, key, isIndex);
            if (last)
            {
                Put(container, key, isIndex, value, keys, i);
                return;
            }

            if (existing is JsonObject or JsonArray)
            {
                container = existing;
                continue;
            }

            if (existing is not null)
                throw new InvalidOperationException($"cannot set '{string.Join('.', keys.Select(k => k.Key))}': " +
                                                    $"'{string.Join('.', keys[..(i + 1)].Select(k => k.Key))}' is {Describe(existing)}, not an object");
            JsonNode created = keys[i + 1].IsIndex ? new JsonArray() : new JsonObject();
            Put(container, key, isIndex, created, keys, i);
            container = created;
        }
    }

    private static JsonNode? Get(JsonNode container, string key, bool isIndex) => container switch
    {
        JsonObject obj => obj[key],
        JsonArray array when isIndex && int.Parse(key, CultureInfo.InvariantCulture) is var i && i < array.Count => array[i],
        _ => null,
    };

    private static void Put(JsonNode container, string key, bool isIndex, JsonNode? value, (string Key, bool IsIndex)[] keys, int at)
    {
        switch (container)
        {
            case JsonObject obj:
                obj[key] = value;
                break;
            case JsonArray array when isIndex:
                var index = int.Parse(key, CultureInfo.InvariantCulture);
                while (array.Count <= index)
                    array.Add(null);
                array[index] = value;
                break;
            default:
                throw new InvalidOperationException($"cannot set '{string.Join('.', keys.Select(k => k.Key))}': " +
                                                    $"'{string.Join('.', keys[..at].Select(k => k.Key))}' is a list, and '{key}' is not an index of it");
        }
    }

    private static (string Key, bool IsIndex) Resolve(string segment, IReadOnlyList<Capture> captures)
    {
        if (Reference().Match(segment) is { Success: true } whole && whole.Length == segment.Length)
        {
            var capture = captures[int.Parse(whole.Groups[1].Value, CultureInfo.InvariantCulture) - 1];
            return (capture.Text, capture.IsIndex);
        }

        return (Reference().Replace(segment, m => captures[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1].Text), false);
    }

    public override string ToString() => Text;

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => "a string",
        System.Text.Json.JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    [GeneratedRegex(@"\$([0-9]+)")]
    private static partial Regex Reference();
}
