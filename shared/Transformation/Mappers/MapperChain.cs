using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Value mappers applied in order. A missing (or null) value stays missing: no mapper sees it.</summary>
internal sealed class MapperChain(IReadOnlyList<IValueMapper> mappers)
{
    public static readonly MapperChain Empty = new([]);

    public bool IsEmpty => mappers.Count == 0;

    /// <summary>The mapped value; <paramref name="value"/> must be detached (mappers may return it as it is).</summary>
    public JsonNode? Apply(JsonNode? value, ExpressionInput entity)
    {
        for (var i = 0; i < mappers.Count && value is not null; i++)
        {
            try
            {
                value = mappers[i].Map(value, entity);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException or
                                          System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                throw new InvalidOperationException($"mapper #{i + 1} ({mappers[i].Name}): {e.Message}", e);
            }
        }

        return value;
    }
}
