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
    /// <summary>The key of the source entity a <c>branches</c> step made this output of; null when the output is the
    /// source entity itself. A source entity reported deleted deletes every output mapped under its key.</summary>
    public string? ParentKey { get; set; }
    /// <summary>The <c>path</c> values (JSON) the target object was last written with — for a nested entity its
    /// parent's id (<c>objectId</c>) — so that a delete, which has no transformed entity, addresses the same object.</summary>
    public string? TargetAddress { get; set; }
    public DateTime UpdatedAt { get; set; }
}
