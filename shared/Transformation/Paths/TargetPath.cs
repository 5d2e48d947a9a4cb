using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>A dotted path of object keys a transformer writes to or removes (<c>payload.name</c>).</summary>
public sealed class TargetPath
{
    private readonly string[] _keys;

    private TargetPath(string text, string[] keys)
    {
        Text = text;
        _keys = keys;
    }

    public string Text { get; }

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out TargetPath? path,
        [NotNullWhen(false)] out string? error)
    {
        path = null;
        var keys = text.Split('.');
        if (keys.Any(k => k.Trim().Length == 0))
        {
            error = $"target path '{text}' is not valid: it must be keys separated by dots, none of them empty";
            return false;
        }

        error = null;
        path = new TargetPath(text, keys);
        return true;
    }

    /// <summary>Sets the value, creating the objects on the way (replacing nulls). The value must not have a parent.
    /// Throws <see cref="InvalidOperationException"/> when a key on the way holds something other than an object.</summary>
    public void Set(JsonObject root, JsonNode? value)
    {
        var parent = root;
        for (var i = 0; i < _keys.Length - 1; i++)
        {
            var key = _keys[i];
            switch (parent[key])
            {
                case JsonObject child:
                    parent = child;
                    break;
                case null:
                    var created = new JsonObject();
                    parent[key] = created;
                    parent = created;
                    break;
                case var other:
                    throw new InvalidOperationException(
                        $"cannot set '{Text}': '{string.Join('.', _keys[..(i + 1)])}' is {Describe(other)}, not an object");
            }
        }

        parent[_keys[^1]] = value;
    }

    /// <summary>Removes the key when it is there; a missing key or a non-object on the way is not an error.</summary>
    public void Remove(JsonObject root)
    {
        JsonNode? node = root;
        for (var i = 0; i < _keys.Length - 1; i++)
            node = node is JsonObject obj ? obj[_keys[i]] : null;
        if (node is JsonObject parent)
            parent.Remove(_keys[^1]);
    }

    public override string ToString() => Text;

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
