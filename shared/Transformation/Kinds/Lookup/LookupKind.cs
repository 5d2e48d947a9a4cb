using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>lookup: { route, key, into, missing, mappers }</c> — reads the key-mapping store: the target id that the
/// source key <c>key</c> (a path or expression on the entity; a list looks up each item) was published as on
/// <c>route</c>, written to <c>into</c>. <c>missing</c>: <c>fail</c> (default) fails the task, <c>skip</c> skips it,
/// <c>keep</c> leaves <c>into</c> unwritten (and drops unmapped items of a list). Ids are texts; <c>mappers</c> may
/// cast them (<c>[ { cast: number } ]</c>). A key that is missing on the entity looks nothing up.</summary>
internal sealed class LookupKind : ITransformerKind
{
    private static readonly string[] Keys = ["route", "key", "into", "missing", "mappers"];
    private static readonly string[] MissingChoices = ["fail", "skip", "keep"];

    public string Name => "lookup";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonObject obj)
        {
            context.Problem($"lookup expects {{ route, key, into, missing }}, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        foreach (var (name, _) in obj)
            if (!Keys.Contains(name))
                context.Problem($"lookup: unknown key '{name}'; expected {string.Join(", ", Keys)}");

        var route = Text(obj, "route", context, "the route whose key mappings to read");
        var keyText = Text(obj, "key", context, "the path of the source key to look up");
        var intoText = Text(obj, "into", context, "the path to write the target id to");
        var missing = obj.ContainsKey("missing") ? JsonValues.Text(obj["missing"]) : "fail";
        if (!MissingChoices.Contains(missing))
            context.Problem($"lookup: 'missing' must be one of {string.Join(", ", MissingChoices)}, got {ArgumentText.Describe(obj["missing"])}");
        var mappers = obj.ContainsKey("mappers") ? ValueMapperParser.Parse(obj["mappers"], context, "lookup") : MapperChain.Empty;

        var key = keyText is null ? null : context.Expression(keyText);
        var into = intoText is null ? null : context.Target(intoText);
        if (route is null || key is null || into is null || mappers is null || context.Problems.Count > 0)
            return null;
        return new LookupTransformer(context.KeyMappings, route, key, into, missing!, mappers, context.Label);
    }

    private static string? Text(JsonObject obj, string name, TransformerBuildContext context, string what)
    {
        if (obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0)
            return value.GetValue<string>().Trim();
        context.Problem($"lookup: '{name}' must be {what} (a text), got {ArgumentText.Describe(obj[name])}");
        return null;
    }
}

internal sealed class LookupTransformer(
    IKeyMappings mappings, string route, JsonPathExpression key, TargetPath into, string missing, MapperChain mappers, string label)
    : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        var sourceKey = key.Evaluate(input);
        if (sourceKey is null)
            return TransformResult.Keep((JsonObject)entity.DeepClone());

        var keys = sourceKey is JsonArray list ? list.Where(k => k is not null).Select(k => JsonValues.Text(k)!).ToArray() : [JsonValues.Text(sourceKey)!];
        var found = new List<JsonNode?>();
        foreach (var text in keys)
        {
            if (mappings.Find(route, text) is { } targetId)
            {
                found.Add(mappers.Apply(JsonValue.Create(targetId), input));
                continue;
            }

            switch (missing)
            {
                case "skip":
                    return TransformResult.Skip($"skipped by {label}: no key mapping on route '{route}' for '{text}' ({key.Text})");
                case "fail":
                    throw new InvalidOperationException($"no key mapping on route '{route}' for '{text}' ({key.Text}); publish that route first, or set missing: skip | keep");
            }
        }

        var result = (JsonObject)entity.DeepClone();
        if (sourceKey is JsonArray)
            into.Set(result, new JsonArray(found.ToArray()));
        else if (found is [var one])
            into.Set(result, one);
        return TransformResult.Keep(result);
    }
}
