using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>A value <c>set</c> or <c>default</c> writes: a constant, a string with <c>{{path}}</c> placeholders, or
/// <c>{ value, mappers }</c> to run value mappers on either.</summary>
/// <remarks>Placeholders are read in top-level string values only: strings inside object or list constants are
/// written as they are.</remarks>
internal sealed class AssignedValue(StringTemplate? template, JsonNode? constant, MapperChain mappers, string where)
{
    public JsonNode? Value(ExpressionInput input)
    {
        var value = template is not null ? template.Render(input) : constant?.DeepClone();
        try
        {
            return mappers.Apply(value, input);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{where}: {e.Message}", e);
        }
    }

    public static AssignedValue? Parse(JsonNode? value, TransformerBuildContext context, string where)
    {
        var mappers = MapperChain.Empty;
        if (value is JsonObject obj && obj.ContainsKey("mappers") && obj.All(p => p.Key is "value" or "mappers"))
        {
            if (ValueMapperParser.Parse(obj["mappers"], context, where) is not { } chain)
                return null;
            mappers = chain;
            value = obj["value"];
        }

        var template = value is JsonValue text && text.GetValueKind() == JsonValueKind.String &&
                       StringTemplate.HasPlaceholders(text.GetValue<string>())
            ? StringTemplate.Compile(text.GetValue<string>(), context)
            : null;
        return new AssignedValue(template, value?.DeepClone(), mappers, where);
    }
}
