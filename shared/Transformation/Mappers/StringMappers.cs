using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Mappers of strings: <c>trim</c>, <c>lower</c>, <c>upper</c>, <c>slug</c> (no arguments),
/// <c>truncate: n</c>, <c>replace: { old, new }</c>. A value that is not a string is an error.</summary>
internal static class StringMappers
{
    public static IValueMapper? Simple(MapperArguments arguments, string name, Func<string, string> change)
    {
        if (arguments.Value is not null && arguments.Value.GetValueKind() != JsonValueKind.True)
        {
            arguments.Problem($"takes no arguments (write '- {name}'), got {ArgumentText.Describe(arguments.Value)}");
            return null;
        }

        return new StringMapper(name, change);
    }

    public static IValueMapper? Truncate(MapperArguments arguments)
    {
        if (JsonValues.Decimal(arguments.Value) is { } length && length >= 0 && length == Math.Floor(length) && length <= int.MaxValue)
            return new StringMapper("truncate", s => Truncated(s, (int)length));
        arguments.Problem($"expects the maximum length (a whole number, 0 or more), got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    /// <summary>At most <paramref name="length"/> characters as a reader counts them (text elements): an emoji or a
    /// letter with a combining accent is never cut in half, as cutting UTF-16 units would.</summary>
    private static string Truncated(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var elements = new StringInfo(text);
        return length == 0 ? "" : elements.LengthInTextElements <= length ? text : elements.SubstringByTextElements(0, length);
    }

    public static IValueMapper? Replace(MapperArguments arguments)
    {
        if (arguments.Value is JsonObject obj && JsonValues.IsString(obj["old"]) && obj["old"]!.GetValue<string>().Length > 0 &&
            obj["new"] is var replacement && (replacement is null || JsonValues.IsString(replacement)) &&
            obj.All(p => p.Key is "old" or "new"))
        {
            var old = obj["old"]!.GetValue<string>();
            var with = replacement?.GetValue<string>() ?? "";
            return new StringMapper("replace", s => s.Replace(old, with, StringComparison.Ordinal));
        }

        arguments.Problem($"expects {{ old: text, new: text }} (old not empty), got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    private sealed class StringMapper(string name, Func<string, string> change) : IValueMapper
    {
        public string Name => name;

        public JsonNode? Map(JsonNode value, ExpressionInput entity) =>
            JsonValues.IsString(value)
                ? JsonValue.Create(change(value.GetValue<string>()))
                : throw new InvalidOperationException($"expects a string, got {JsonValues.Describe(value)}");
    }
}
