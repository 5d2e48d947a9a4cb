using System.Text.Json.Nodes;

namespace Switchboard.Connectors;

/// <summary>Dotted paths (<c>meta.pagination.total_pages</c>, <c>data[0].id</c>) into JSON answers.</summary>
public static class JsonPaths
{
    public static JsonNode? Find(JsonNode? node, string path)
    {
        if (string.IsNullOrEmpty(path)) return node;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            int? index = null;
            var bracket = segment.IndexOf('[');
            if (bracket >= 0 && segment.EndsWith(']'))
            {
                name = segment[..bracket];
                index = int.Parse(segment[(bracket + 1)..^1]);
            }
            if (name.Length > 0)
                node = node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null;
            if (index is { } i)
                node = node is JsonArray a && i < a.Count ? a[i] : null;
            if (node is null) return null;
        }
        return node;
    }
}
