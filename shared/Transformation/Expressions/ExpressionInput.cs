using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace Switchboard.Transformation;

/// <summary>The document expressions of one step read; converted to a JToken for JMESPath at most once.</summary>
/// <remarks>Create one per entity per step: the conversion is a snapshot, so it goes stale if the document changes.</remarks>
public sealed class ExpressionInput(JsonNode? document)
{
    private JToken? _token;

    public JsonNode? Document { get; } = document;

    internal JToken Token => _token ??= JTokenConversion.ToJToken(Document);
}
