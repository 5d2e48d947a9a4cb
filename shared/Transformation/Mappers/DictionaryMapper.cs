using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>dictionary: { values: { from: to, … }, default: v }</c> — a lookup table. The value is looked up by its
/// text (<c>1</c> and <c>"1"</c> both find key <c>"1"</c>). Without a match it becomes <c>default</c> when one is
/// given, and stays as it was otherwise.</summary>
internal sealed class DictionaryMapper(JsonObject values, bool hasDefault, JsonNode? fallback) : IValueMapper
{
    public string Name => "dictionary";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        if (arguments.Value is JsonObject obj && obj["values"] is JsonObject values && obj.All(p => p.Key is "values" or "default"))
            return new DictionaryMapper((JsonObject)values.DeepClone(), obj.ContainsKey("default"), obj["default"]?.DeepClone());
        arguments.Problem($"expects {{ values: {{ from: to, … }}, default: value }} (default optional), got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity)
    {
        if (values.TryGetPropertyValue(JsonValues.Text(value)!, out var mapped))
            return mapped?.DeepClone();
        return hasDefault ? fallback?.DeepClone() : value;
    }
}
