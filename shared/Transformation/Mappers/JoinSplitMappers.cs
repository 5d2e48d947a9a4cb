using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>join: separator</c> turns a list into one text (nulls skipped); <c>split: separator</c> turns a text
/// into a list of texts (each trimmed, empty ones dropped).</summary>
internal static class JoinSplitMappers
{
    public static IValueMapper? Join(MapperArguments arguments) =>
        arguments.Text is { } separator ? new JoinMapper(separator) : Invalid(arguments);

    public static IValueMapper? Split(MapperArguments arguments) =>
        arguments.Text is { Length: > 0 } separator ? new SplitMapper(separator) : Invalid(arguments);

    private static IValueMapper? Invalid(MapperArguments arguments)
    {
        arguments.Problem($"expects the separator (a text), got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    private sealed class JoinMapper(string separator) : IValueMapper
    {
        public string Name => "join";

        public JsonNode? Map(JsonNode value, ExpressionInput entity) => value is JsonArray list
            ? JsonValue.Create(string.Join(separator, list.Where(i => i is not null).Select(JsonValues.Text)))
            : throw new InvalidOperationException($"expects a list, got {JsonValues.Describe(value)}");
    }

    private sealed class SplitMapper(string separator) : IValueMapper
    {
        public string Name => "split";

        public JsonNode? Map(JsonNode value, ExpressionInput entity) => JsonValues.IsString(value)
            ? new JsonArray(value.GetValue<string>()
                .Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => (JsonNode?)JsonValue.Create(part)).ToArray())
            : throw new InvalidOperationException($"expects a string, got {JsonValues.Describe(value)}");
    }
}
