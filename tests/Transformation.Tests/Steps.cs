using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Xunit;

namespace Switchboard.Transformation.Tests;

/// <summary>Builds steps and entities from JSON text, as the configuration loader would hand them over.</summary>
internal static class Steps
{
    public static readonly TransformerFactory Factory = new();

    public static TransformerConfig Config(string kind, string argumentsJson, int position = 0) =>
        new(kind, JsonNode.Parse(argumentsJson), $"routes.test.transformers[{position}]", position, SourceLocation.None);

    public static ITransformer Create(string kind, string argumentsJson, int position = 0) =>
        Factory.Create(Config(kind, argumentsJson, position));

    public static JsonObject Entity(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonObject Apply(this ITransformer transformer, string entityJson)
    {
        var result = transformer.Apply(Entity(entityJson));
        Assert.False(result.Skipped, result.SkipReason);
        return result.Entity!;
    }

    public static void AssertJson(string expectedJson, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual),
            $"expected {JsonNode.Parse(expectedJson)?.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
}

/// <summary>Runs value mappers the way a <c>map</c> step does, on one value.</summary>
internal static class Mappers
{
    /// <summary>The value <paramref name="valueJson"/> after the mappers (a JSON list or one mapper), or null when it
    /// became missing. <paramref name="entityJson"/> holds the rest of the entity, for operands that are paths.</summary>
    public static JsonNode? Map(string mappersJson, string valueJson, string entityJson = "{}")
    {
        var map = Steps.Create("map", $$"""{ "v": { "from": "v", "mappers": {{mappersJson}} } }""");
        var entity = Steps.Entity(entityJson);
        entity["v"] = JsonNode.Parse(valueJson);
        return map.Apply(entity).Entity!["v"];
    }

    /// <summary>The error a mapper fails with at run time.</summary>
    public static string Error(string mappersJson, string valueJson)
    {
        var message = Assert.Throws<InvalidOperationException>(() => Map(mappersJson, valueJson)).Message;
        Assert.StartsWith("map 'v': ", message);
        return message["map 'v': ".Length..];
    }

    /// <summary>The one configuration problem of the mappers.</summary>
    public static string Problem(string mappersJson) =>
        Assert.Single(Steps.Factory.Validate(Steps.Config("map", $$"""{ "v": { "from": "v", "mappers": {{mappersJson}} } }""")));
}
