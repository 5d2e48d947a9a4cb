using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Reads <c>mappers: [ trim, { truncate: 80 }, … ]</c>: each item a mapper name, or a mapping of one
/// mapper name to its arguments.</summary>
internal static class ValueMapperParser
{
    private delegate IValueMapper? Builder(MapperArguments arguments);

    private static readonly Dictionary<string, Builder> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cast"] = CastMapper.Build,
        ["trim"] = a => StringMappers.Simple(a, "trim", s => s.Trim()),
        ["lower"] = a => StringMappers.Simple(a, "lower", s => s.ToLowerInvariant()),
        ["upper"] = a => StringMappers.Simple(a, "upper", s => s.ToUpperInvariant()),
        ["slug"] = a => StringMappers.Simple(a, "slug", Slug.Of),
        ["truncate"] = StringMappers.Truncate,
        ["replace"] = StringMappers.Replace,
        ["regex"] = RegexMapper.Build,
        ["date"] = DateMapper.Build,
        ["add"] = a => ArithmeticMapper.Build(a, ArithmeticMapper.Operation.Add),
        ["subtract"] = a => ArithmeticMapper.Build(a, ArithmeticMapper.Operation.Subtract),
        ["multiply"] = a => ArithmeticMapper.Build(a, ArithmeticMapper.Operation.Multiply),
        ["divide"] = a => ArithmeticMapper.Build(a, ArithmeticMapper.Operation.Divide),
        ["round"] = RoundMapper.Build,
        ["dictionary"] = DictionaryMapper.Build,
        ["hash"] = HashMapper.Build,
        ["join"] = JoinSplitMappers.Join,
        ["split"] = JoinSplitMappers.Split,
        ["jmespath"] = JmesPathMapper.Build,
    };

    public static IEnumerable<string> Names => Builders.Keys.Order(StringComparer.Ordinal);

    /// <summary>The chain, or null after reporting each mistake as "<paramref name="where"/>: mapper #n (name): …".</summary>
    public static MapperChain? Parse(JsonNode? node, TransformerBuildContext context, string where)
    {
        var items = node switch
        {
            JsonArray list => list.ToArray(),
            JsonObject => [node],
            JsonValue text when text.GetValueKind() == JsonValueKind.String => [node],
            _ => null,
        };
        if (items is null)
        {
            context.Problem($"{where}: mappers must be a list of value mappers, got {ArgumentText.Describe(node)}");
            return null;
        }

        var problemsBefore = context.Problems.Count;
        var mappers = new List<IValueMapper>();
        for (var i = 0; i < items.Length; i++)
        {
            var label = $"{where}: mapper #{i + 1}";
            var (name, arguments) = items[i] switch
            {
                JsonValue text when text.GetValueKind() == JsonValueKind.String => (text.GetValue<string>(), null),
                JsonObject { Count: 1 } one => (one.First().Key, one.First().Value),
                _ => ((string?)null, (JsonNode?)null),
            };
            if (name is null)
            {
                context.Problem($"{label}: expected a mapper name or a mapping of one mapper name to its arguments, got {ArgumentText.Describe(items[i])}");
                continue;
            }

            if (!Builders.TryGetValue(name, out var build))
            {
                context.Problem($"{label}: unknown value mapper '{name}'; known mappers: {string.Join(", ", Names)}");
                continue;
            }

            if (build(new MapperArguments(name, arguments, context, $"{label} ({name})")) is { } mapper)
                mappers.Add(mapper);
        }

        return context.Problems.Count == problemsBefore ? new MapperChain(mappers) : null;
    }
}

/// <summary>A mapper's arguments as written, and where to report what is wrong with them.</summary>
internal sealed record MapperArguments(string Name, JsonNode? Value, TransformerBuildContext Context, string Label)
{
    public void Problem(string message) => Context.Problem($"{Label}: {message}");

    public string? Text => Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
