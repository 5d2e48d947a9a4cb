namespace Switchboard.Transformer;

/// <summary>One source entity on one route as last published: the id the target gave it and the fingerprint of what
/// was sent, so the next run updates instead of creating and skips what has not changed.</summary>
public sealed class KeyMappingRecord
{
    public required string Route { get; set; }
    /// <summary>The source entity's key, read with the route's <c>key</c>.</summary>
    public required string SourceKey { get; set; }
    /// <summary>The target's id; null when the target's answer named none.</summary>
    public string? TargetId { get; set; }
    /// <summary>SHA-256 of the transformed entity last published; null when the route keeps none.</summary>
    public string? Fingerprint { get; set; }
    public DateTime UpdatedAt { get; set; }
}
