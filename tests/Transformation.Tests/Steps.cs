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
