using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>The entity a step produced, or why the entity was dropped — or, from a <c>branches</c> step, several
/// entities (<see cref="Branches"/>), each then transformed on by the following steps on its own.</summary>
public sealed record TransformResult(JsonObject? Entity, string? SkipReason)
{
    /// <summary>Set when the step split the entity; <see cref="Entity"/> and <see cref="SkipReason"/> are then null.</summary>
    public IReadOnlyList<TransformBranch>? Branches { get; init; }

    public bool Skipped => Entity is null && Branches is null;

    public static TransformResult Keep(JsonObject entity) => new(entity, null);

    public static TransformResult Skip(string reason) => new(null, reason);

    public static TransformResult Split(IReadOnlyList<TransformBranch> branches) => new(null, null) { Branches = branches };
}

/// <summary>One entity a step split off, or why it was dropped.</summary>
/// <param name="Key">The output's own key, or — starting with <c>#</c> — a suffix to the key of the entity it came
/// from (<c>#2</c> makes <c>111#2</c>).</param>
public sealed record TransformBranch(string Key, JsonObject? Entity, string? SkipReason = null)
{
    public string KeyUnder(string parentKey) => Key.StartsWith('#') ? parentKey + Key : Key;
}

/// <summary>One entity leaving a route: to be published, skipped (with the reason) or failed (with the error).
/// A route without <c>branches</c> gives one output per source entity, under the source entity's key.</summary>
public sealed record TransformOutput(string Key, JsonObject? Entity, string? SkipReason, TransformException? Error)
{
    public bool Skipped => Entity is null && Error is null;

    public bool Failed => Error is not null;
}
