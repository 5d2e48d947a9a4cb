using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>Turns one value into another (<c>trim</c>, <c>cast</c>, <c>date</c>, …). Never given null: a chain
/// passes a missing value through untouched. Throws <see cref="InvalidOperationException"/> on a value it cannot map.</summary>
internal interface IValueMapper
{
    /// <summary>The name written in configuration.</summary>
    string Name { get; }

    /// <param name="entity">The entity the value came from, for operands that are paths.</param>
    JsonNode? Map(JsonNode value, ExpressionInput entity);
}
