using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Words for configuration values in error messages.</summary>
internal static class ArgumentText
{
    public static string Describe(JsonNode? node) => node is null ? "nothing" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string {node.ToJsonString(JsonValues.Readable)}",
        JsonValueKind.Number => $"the number {node.ToJsonString(JsonValues.Readable)}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString(JsonValues.Readable)}",
        _ => "null",
    };
}
