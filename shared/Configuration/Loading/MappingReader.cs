using System.Globalization;

namespace Switchboard.Configuration.Loading;

/// <summary>Reads the keys of one mapping as typed values, reporting missing, unknown, duplicate and mistyped keys.</summary>
/// <remarks>Every getter returns null when the value is absent or wrong (the error is already reported) and also,
/// silently, when it holds an unresolved environment reference, so that one mistake is reported once.</remarks>
internal sealed class MappingReader
{
    private readonly Dictionary<string, LocatedEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConfigErrors _errors;

    private MappingReader(string key, SourceLocation location, ConfigErrors errors)
    {
        Key = key;
        Location = location;
        _errors = errors;
    }

    /// <summary>The dotted key of the mapping itself.</summary>
    public string Key { get; }

    /// <summary>Where the mapping is named; errors about keys it lacks are reported here.</summary>
    public SourceLocation Location { get; }

    public IEnumerable<LocatedEntry> Entries => _entries.Values;

    /// <summary>A reader over <paramref name="node"/>, or null (error reported) when it is not a mapping.</summary>
    /// <param name="allowedKeys">The keys it may have; null when any key is allowed.</param>
    public static MappingReader? Open(
        LocatedNode node, string key, SourceLocation location, ConfigErrors errors, IReadOnlyCollection<string>? allowedKeys)
    {
        var reader = new MappingReader(key, location, errors);
        if (node is LocatedScalar { IsNull: true })
            return reader;
        if (node is not LocatedMapping mapping)
        {
            if (!node.ContainsUnresolved)
                errors.Add(node.Location, key, $"expected a mapping, got {node.Description}");
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            var entryKey = ConfigKeys.Child(key, entry.Name);
            if (reader._entries.TryGetValue(entry.Name, out var first))
                errors.Add(entry.Key.Location, entryKey, $"'{entry.Name}' is given twice: first at line {first.Key.Location.Line}, again at line {entry.Key.Location.Line}");
            else if (allowedKeys is not null && !allowedKeys.Contains(entry.Name))
                errors.Add(entry.Key.Location, entryKey, $"unknown key '{entry.Name}'; allowed: {string.Join(", ", allowedKeys)}");
            else
                reader._entries.Add(entry.Name, entry);
        }
        return reader;
    }

    public string KeyOf(string name) => ConfigKeys.Child(Key, name);

    public LocatedEntry? Entry(string name) => _entries.GetValueOrDefault(name);

    /// <summary>Where the key's value is, or where the mapping is named when the key is absent.</summary>
    public SourceLocation LocationOf(string name) => Entry(name)?.Value.Location ?? Location;

    /// <summary>The key's value as error messages quote it (as written, before environment references).</summary>
    public string Describe(string name) => Entry(name)?.Value.Description ?? "nothing";

    public void Error(string name, string message) => _errors.Add(LocationOf(name), KeyOf(name), message);

    /// <summary>The value as text; numbers and booleans are accepted as they were written.</summary>
    public string? Text(string name, bool required = false)
    {
        if (Value(name, required) is not { } node)
            return null;
        if (node is LocatedScalar scalar)
            return scalar.Text;
        Error(name, $"expected a text value, got {node.Description}");
        return null;
    }

    public bool? Bool(string name)
    {
        if (Value(name) is not { } node)
            return null;
        if (node is LocatedScalar scalar && bool.TryParse(scalar.Text, out var value))
            return value;
        Error(name, $"expected true or false, got {node.Description}");
        return null;
    }

    public int? PositiveInteger(string name, bool required = false)
    {
        if (Value(name, required) is not { } node)
            return null;
        if (node is LocatedScalar scalar && int.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value > 0)
            return value;
        Error(name, $"expected a whole number greater than 0, got {node.Description}");
        return null;
    }

    public double? PositiveNumber(string name, bool required = false)
    {
        if (Value(name, required) is not { } node)
            return null;
        if (node is LocatedScalar scalar && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            return value;
        Error(name, $"expected a number greater than 0, got {node.Description}");
        return null;
    }

    /// <summary>A mapping of names to text values (path and query parameters).</summary>
    public IReadOnlyDictionary<string, string>? TextMap(string name)
    {
        if (Mapping(name, allowedKeys: null) is not { } map)
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (map.Text(entry.Name) is { } text)
                values[entry.Name] = text;
            else if (entry.Value is LocatedScalar { IsNull: true })
                values[entry.Name] = "";
        }
        return values;
    }

    /// <summary>A reader over the key's mapping value; null when it is absent or not a mapping.</summary>
    public MappingReader? Mapping(string name, IReadOnlyCollection<string>? allowedKeys) =>
        Value(name) is { } node ? Open(node, KeyOf(name), node.Location, _errors, allowedKeys) : null;

    /// <summary>The key's value; null when absent, empty or unresolved.</summary>
    public LocatedNode? Value(string name, bool required = false)
    {
        var entry = Entry(name);
        if (entry is null || entry.Value is LocatedScalar { IsNull: true })
        {
            if (required)
                _errors.Add(entry?.Key.Location ?? Location, KeyOf(name), $"'{name}' is required");
            return null;
        }
        return entry.Value.ContainsUnresolved ? null : entry.Value;
    }
}
