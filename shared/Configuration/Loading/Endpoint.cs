namespace Switchboard.Configuration.Loading;

/// <summary>The part incoming and outgoing share: which entity of which client, and the request's fixed parameters.</summary>
/// <param name="Methods">What the entity (or its nested entity) allows; null when that is unknown because of another error.</param>
/// <param name="PathPlaceholders">The placeholders of the entity's paths (<see cref="EntitySchema.PathPlaceholders"/>); null when unknown.</param>
internal sealed record Endpoint(
    string Client,
    string Entity,
    string? ObjectId,
    string? NestedEntity,
    string? NestedObjectId,
    IReadOnlyDictionary<string, string> Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlySet<string>? Methods,
    IReadOnlySet<string>? PathPlaceholders = null)
{
    public string EntityDescription => NestedEntity is null ? Entity : $"{Entity} {NestedEntity}";
}
