using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>The entity a step produced, or why the entity was dropped.</summary>
public sealed record TransformResult(JsonObject? Entity, string? SkipReason)
{
    public bool Skipped => Entity is null;

    public static TransformResult Keep(JsonObject entity) => new(entity, null);

    public static TransformResult Skip(string reason) => new(null, reason);
}
