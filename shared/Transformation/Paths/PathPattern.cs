using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>A dotted path whose segments may be <c>*</c> (any key of an object, any element of a list):
/// <c>items.*.sku</c>. Each match carries what the wildcards stood for, in order, for <c>$1</c>, <c>$2</c>, … in a target.</summary>
/// <remarks>A numeric segment of a plain path selects a list element (<c>items.0.sku</c>).</remarks>
public sealed class PathPattern
{
    public const string Wildcard = "*";

    private readonly string[] _segments;

    private PathPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public int Wildcards => _segments.Count(s => s == Wildcard);

    public static bool TryParse(string text, [NotNullWhen(true)] out PathPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        var segments = text.Trim().Split('.');
        if (segments.Any(s => s.Trim().Length == 0))
        {
            error = $"path '{text}' is not valid: it must be keys or * separated by dots, none of them empty";
            return false;
        }

        error = null;
        pattern = new PathPattern(text.Trim(), segments);
        return true;
    }

    /// <summary>The pattern of a plain path (<c>items[0].sku</c> → <c>items.0.sku</c>), to remove what it names;
    /// null for other expressions and for negative indexes.</summary>
    public static PathPattern? FromPlainPath(JsonPathExpression expression) =>
        expression.IsPlainPath && !expression.Text.Contains("[-", StringComparison.Ordinal) &&
        TryParse(expression.Text.Replace("[", ".").Replace("]", ""), out var pattern, out _)
            ? pattern
            : null;

    /// <summary>Every node the pattern reaches (nodes of <paramref name="root"/>, not copies), in document order.
    /// A key present with a JSON null is a match whose node is null.</summary>
    public IEnumerable<PathMatch> Matches(JsonNode? root) => Walk(root, 0, _segments.Length, []);

    /// <summary>Every container the path's last segment applies to, with that segment (a key, or each key/index
    /// when the last segment is <c>*</c>). Containers are nodes of <paramref name="root"/>.</summary>
    public IEnumerable<ParentMatch> Parents(JsonNode? root)
    {
        var last = _segments[^1];
        foreach (var match in Walk(root, 0, _segments.Length - 1, []))
        {
            switch (match.Node)
            {
                case JsonObject obj when last == Wildcard:
                    foreach (var key in obj.Select(p => p.Key).ToArray())
                        yield return new ParentMatch(obj, key, [.. match.Captures, new Capture(key, false)]);
                    break;
                case JsonArray array when last == Wildcard:
                    for (var i = array.Count - 1; i >= 0; i--)
                        yield return new ParentMatch(array, Index(i), [.. match.Captures, new Capture(Index(i), true)]);
                    break;
                case JsonObject or JsonArray:
                    yield return new ParentMatch(match.Node, last, match.Captures);
                    break;
            }
        }
    }

    private IEnumerable<PathMatch> Walk(JsonNode? node, int at, int end, Capture[] captures)
    {
        if (at == end)
        {
            yield return new PathMatch(node, captures);
            yield break;
        }

        var segment = _segments[at];
        switch (node)
        {
            case JsonObject obj when segment == Wildcard:
                foreach (var (key, child) in obj.ToArray())
                foreach (var match in Walk(child, at + 1, end, [.. captures, new Capture(key, false)]))
                    yield return match;
                break;
            case JsonArray array when segment == Wildcard:
                for (var i = 0; i < array.Count; i++)
                foreach (var match in Walk(array[i], at + 1, end, [.. captures, new Capture(Index(i), true)]))
                    yield return match;
                break;
            case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                foreach (var match in Walk(child, at + 1, end, captures))
                    yield return match;
                break;
            case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                foreach (var match in Walk(array[index], at + 1, end, captures))
                    yield return match;
                break;
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}

/// <summary>What one wildcard stood for: an object key, or a list index.</summary>
public readonly record struct Capture(string Text, bool IsIndex);

public sealed record PathMatch(JsonNode? Node, IReadOnlyList<Capture> Captures);

/// <summary>A container (object or list) and the key or index in it a path ends at.</summary>
public sealed record ParentMatch(JsonNode Container, string Key, IReadOnlyList<Capture> Captures)
{
    public bool Exists => Container switch
    {
        JsonObject obj => obj.ContainsKey(Key),
        JsonArray array => int.TryParse(Key, out var i) && i >= 0 && i < array.Count,
        _ => false,
    };

    public JsonNode? Value => Container switch
    {
        JsonObject obj => obj[Key],
        JsonArray array when int.TryParse(Key, out var i) && i >= 0 && i < array.Count => array[i],
        _ => null,
    };

    public void Set(JsonNode? value)
    {
        if (Container is JsonObject obj)
            obj[Key] = value;
        else if (Container is JsonArray array && int.TryParse(Key, out var i))
            array[i] = value;
    }

    public void Remove()
    {
        if (Container is JsonObject obj)
            obj.Remove(Key);
        else if (Container is JsonArray array && int.TryParse(Key, out var i) && i < array.Count)
            array.RemoveAt(i);
    }
}
