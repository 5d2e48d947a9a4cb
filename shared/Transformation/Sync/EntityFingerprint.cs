using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Configuration;

namespace Switchboard.Transformation.Sync;

/// <summary>The SHA-256 of an entity's canonical JSON — keys sorted, numbers normalised, ignored paths left out —
/// so the same content gives the same fingerprint however it was ordered or formatted.</summary>
public sealed class EntityFingerprint
{
    private readonly string[][] _ignoredPaths;
    private readonly HashSet<string> _ignoredEverywhere;

    /// <param name="ignore">Dotted paths to leave out (<c>*</c> matches any key or array item); a name without
    /// dots (<c>date_modified</c>) is left out at any depth.</param>
    public EntityFingerprint(IEnumerable<string> ignore)
    {
        var paths = ignore.Where(p => p.Length > 0).ToList();
        _ignoredEverywhere = paths.Where(p => !p.Contains('.')).ToHashSet(StringComparer.Ordinal);
        _ignoredPaths = paths.Where(p => p.Contains('.')).Select(p => p.Split('.')).ToArray();
    }

    public static EntityFingerprint For(FingerprintConfig config) => new(config.Ignore);

    /// <summary>Lower-case hex SHA-256 of the canonical JSON of <paramref name="entity"/>.</summary>
    public string Of(JsonNode? entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, entity, []);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private void Write(Utf8JsonWriter writer, JsonNode? node, List<string> path)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    path.Add(name);
                    if (!Ignored(path))
                    {
                        writer.WritePropertyName(name);
                        Write(writer, value, path);
                    }
                    path.RemoveAt(path.Count - 1);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(i.ToString(CultureInfo.InvariantCulture));
                    Write(writer, array[i], path);
                    path.RemoveAt(path.Count - 1);
                }
                writer.WriteEndArray();
                break;
            case JsonValue value:
                WriteValue(writer, value);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number when decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                // 1.50 and 1.5 are one price: dividing by 1.000… drops trailing zeros of a decimal.
                writer.WriteRawValue((number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private bool Ignored(List<string> path)
    {
        if (_ignoredEverywhere.Contains(path[^1]))
            return true;
        foreach (var ignored in _ignoredPaths)
            if (ignored.Length == path.Count && ignored.Select((part, i) => part == "*" || part == path[i]).All(match => match))
                return true;
        return false;
    }
}
