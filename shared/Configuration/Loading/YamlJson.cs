using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Configuration.Loading;

/// <summary>Converts located YAML to JSON: plain scalars that look like numbers, booleans or null become those;
/// quoted scalars always stay text.</summary>
internal static partial class YamlJson
{
    public static JsonNode? ToJson(LocatedNode node) => node switch
    {
        LocatedMapping mapping => ToJsonObject(mapping.Entries),
        LocatedSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        LocatedScalar scalar => ToJsonValue(scalar),
        _ => null,
    };

    public static JsonObject ToJsonObject(IEnumerable<LocatedEntry> entries)
    {
        var result = new JsonObject();
        foreach (var entry in entries)
            result[entry.Name] = ToJson(entry.Value);
        return result;
    }

    private static JsonValue? ToJsonValue(LocatedScalar scalar)
    {
        if (!scalar.IsPlain)
            return JsonValue.Create(scalar.Text);
        if (scalar.IsNull)
            return null;
        if (bool.TryParse(scalar.Text, out var boolean))
            return JsonValue.Create(boolean);
        if (Integer().IsMatch(scalar.Text) && long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (Decimal().IsMatch(scalar.Text) && decimal.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(scalar.Text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
