using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>One <c>target: source</c> pair of <c>map</c>, <c>copy</c> or <c>move</c>. The source is a path or JMESPath
/// expression, or <c>{ from, mappers, default }</c>; with <c>$n</c> in the target it is a path pattern
/// (<c>skus.$1: items.*.sku</c>).</summary>
/// <param name="Where">How errors name the pair: <c>map 'payload.price'</c>.</param>
internal sealed record Mapping(TargetPattern Target, ValueSource Source, string Where)
{
    private static readonly string[] SourceKeys = ["from", "mappers", "default"];

    /// <summary>Writes every value the source yields into <paramref name="result"/>; a missing value writes nothing.</summary>
    public void Apply(ExpressionInput input, JsonObject result)
    {
        try
        {
            foreach (var (value, captures) in Source.Values(input))
            {
                if (value is not null)
                    Target.Set(result, captures, value);
            }
        }
        catch (InvalidOperationException e) when (e.InnerException is not null)
        {
            // Mapper and expression failures: say which pair failed. Target errors already name the target.
            throw new InvalidOperationException($"{Where}: {e.Message}", e);
        }
    }

    /// <summary>Reads the pairs of a step; reports each mistake as "<paramref name="kind"/> 'target': …".</summary>
    public static List<Mapping>? ParseAll(TransformerBuildContext context, string kind)
    {
        if (context.Arguments is not JsonObject pairs)
        {
            context.Problem($"{kind} expects an object of 'target: source' pairs, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        if (pairs.Count == 0)
            context.Problem($"{kind} has no 'target: source' pairs");

        var mappings = new List<Mapping>();
        foreach (var (target, source) in pairs)
        {
            if (Parse(target, source, context, kind) is { } mapping)
                mappings.Add(mapping);
        }

        return mappings;
    }

    private static Mapping? Parse(string target, JsonNode? source, TransformerBuildContext context, string kind)
    {
        var where = $"{kind} '{target}'";
        TargetPattern? targetPattern = null;
        if (TargetPattern.TryParse(target, out var parsed, out var targetError))
            targetPattern = parsed;
        else
            context.Problem(targetError);

        string? from;
        var mappers = MapperChain.Empty;
        JsonNode? fallback = null;
        var hasDefault = false;
        switch (source)
        {
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                from = text.GetValue<string>();
                break;
            case JsonObject entry:
                foreach (var (key, _) in entry)
                    if (!SourceKeys.Contains(key))
                        context.Problem($"{where}: unknown key '{key}'; expected {string.Join(", ", SourceKeys)}");
                from = JsonValues.IsString(entry["from"]) ? entry["from"]!.GetValue<string>() : null;
                if (from is null)
                    context.Problem($"{where}: 'from' must be a path or JMESPath expression (a string), got {ArgumentText.Describe(entry["from"])}");
                if (entry.ContainsKey("mappers"))
                    mappers = ValueMapperParser.Parse(entry["mappers"], context, where) ?? MapperChain.Empty;
                hasDefault = entry.TryGetPropertyValue("default", out fallback);
                break;
            default:
                context.Problem($"{where}: the source must be a path or JMESPath expression (a string), got {ArgumentText.Describe(source)}");
                return null;
        }

        if (from is null || targetPattern is null)
            return null;
        var valueSource = SourceOf(from, targetPattern, mappers, hasDefault, fallback?.DeepClone(), context, where);
        return valueSource is null ? null : new Mapping(targetPattern, valueSource, where);
    }

    private static ValueSource? SourceOf(string from, TargetPattern target, MapperChain mappers, bool hasDefault, JsonNode? fallback,
        TransformerBuildContext context, string where)
    {
        if (target.HighestReference == 0)
            return context.Expression(from) is { } expression ? new ValueSource(expression, null, mappers, hasDefault, fallback) : null;

        if (!PathPattern.TryParse(from, out var pattern, out var error))
        {
            context.Problem($"{where}: {error}");
            return null;
        }

        if (pattern.Wildcards < target.HighestReference)
        {
            context.Problem($"{where}: the target uses ${target.HighestReference} but the source '{from}' has {pattern.Wildcards} wildcard(s) (*)");
            return null;
        }

        return new ValueSource(null, pattern, mappers, hasDefault, fallback);
    }
}
