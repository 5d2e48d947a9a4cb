using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>cast: number | integer | string | bool | cents-to-decimal | decimal-to-cents</c></summary>
/// <remarks>Numbers may be given as numeric strings (platforms send prices either way). <c>integer</c> and
/// <c>decimal-to-cents</c> round half away from zero.</remarks>
internal sealed class CastMapper(string target) : IValueMapper
{
    private static readonly string[] Targets = ["number", "integer", "string", "bool", "cents-to-decimal", "decimal-to-cents"];

    public string Name => "cast";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        if (arguments.Text is { } target && Targets.Contains(target))
            return new CastMapper(target);
        arguments.Problem($"expects one of {string.Join(", ", Targets)}, got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity) => target switch
    {
        "number" => JsonValues.Number(Number(value)),
        "integer" => JsonValues.Number(Math.Round(Number(value), MidpointRounding.AwayFromZero)),
        "string" => JsonValue.Create(JsonValues.Text(value)),
        "bool" => JsonValue.Create(Bool(value)),
        "cents-to-decimal" => JsonValues.Number(Number(value) / 100m),
        _ => JsonValues.Number(Math.Round(Number(value) * 100m, MidpointRounding.AwayFromZero)),
    };

    /// <summary>A number, or a string holding one; throws otherwise.</summary>
    public static decimal Number(JsonNode value)
    {
        if (JsonValues.Decimal(value) is { } number)
            return number;
        if (JsonValues.IsString(value) &&
            decimal.TryParse(value.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        throw new InvalidOperationException($"{JsonValues.Describe(value)} is not a number");
    }

    private static bool Bool(JsonNode value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return JsonValues.Decimal(value) != 0;
            case JsonValueKind.String:
                var text = value.GetValue<string>().Trim().ToLowerInvariant();
                if (text is "true" or "yes" or "y" or "on" or "1")
                    return true;
                if (text is "false" or "no" or "n" or "off" or "0" or "")
                    return false;
                break;
        }

        throw new InvalidOperationException($"{JsonValues.Describe(value)} is not a boolean (true/false, yes/no, on/off, 1/0)");
    }
}
