using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>A path of names and array indexes (<c>a.b.c</c>, <c>items[0].sku</c>, <c>items[-1]</c>), resolved
/// directly on <see cref="JsonNode"/>s with the same result JMESPath would give.</summary>
/// <remarks>Names may contain '-' (<c>product-id</c>): JMESPath would reject them unquoted, so accepting them here
/// changes the meaning of no valid expression.</remarks>
internal sealed class PlainPath
{
    private readonly Segment[] _segments;

    private PlainPath(Segment[] segments) => _segments = segments;

    public static bool TryParse(string text, [NotNullWhen(true)] out PlainPath? path)
    {
        path = null;
        var segments = new List<Segment>();
        var i = 0;
        while (true)
        {
            var start = i;
            if (i >= text.Length || !IsNameStart(text[i]))
                return false;
            while (i < text.Length && IsNamePart(text[i]))
                i++;
            segments.Add(Segment.Name(text[start..i]));

            while (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture, out var index))
                    return false;
                segments.Add(Segment.Index(index));
                i = close + 1;
            }

            if (i == text.Length)
                break;
            if (text[i] != '.')
                return false;
            i++;
        }

        path = new PlainPath(segments.ToArray());
        return true;
    }

    /// <summary>The node at the path (a node of <paramref name="root"/>, not a copy), or null when missing.</summary>
    public JsonNode? Resolve(JsonNode? root)
    {
        var node = root;
        foreach (var segment in _segments)
        {
            node = segment.Key switch
            {
                { } name => node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null,
                null => node is JsonArray array ? ElementAt(array, segment.Position) : null,
            };
            if (node is null)
                return null;
        }

        return node;
    }

    private static JsonNode? ElementAt(JsonArray array, int index)
    {
        var actual = index < 0 ? array.Count + index : index;
        return actual >= 0 && actual < array.Count ? array[actual] : null;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

    private readonly record struct Segment(string? Key, int Position)
    {
        public static Segment Name(string name) => new(name, 0);

        public static Segment Index(int index) => new(null, index);
    }
}
