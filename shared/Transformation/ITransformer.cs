using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>One compiled transformer step. Implementations are pure and must not mutate their input.</summary>
public interface ITransformer
{
    /// <summary>Returns a new entity, or a skip with its reason; the input is left as it was.</summary>
    TransformResult Apply(JsonObject entity);
}
