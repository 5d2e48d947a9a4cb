using System.Text.Json.Nodes;

namespace Switchboard.Configuration;

/// <summary>Links one incoming to one outgoing through a list of transformers.</summary>
public sealed record RouteConfig
{
    public required string Name { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    /// <summary>Path or JMESPath expression giving the source entity's key (for tasks and errors); <c>id</c> by default.</summary>
    public string Key { get; init; } = "id";
    public IReadOnlyList<TransformerConfig> Transformers { get; init; } = [];
    /// <summary>Automatic retries of failed publishes; null: a failed publish fails its task at once.</summary>
    public RetryConfig? Retry { get; init; }
    public SourceLocation Location { get; init; } = SourceLocation.None;
    /// <summary>Change detection: unchanged entities are skipped. On by default.</summary>
    public FingerprintConfig Fingerprint { get; init; } = FingerprintConfig.Default;
    /// <summary>How deleted source entities are recognised; null when the route publishes no deletes.</summary>
    public DeletedConfig? Deleted { get; init; }
    /// <summary>The route whose key mappings this route reads and writes (<c>keyMappingsOf</c>); null for its own. A
    /// route from a deletion feed names the route that created the target objects, so its deletes find their ids.</summary>
    public string? KeyMappingsOf { get; init; }
    public SourceLocation KeyMappingsOfLocation { get; init; } = SourceLocation.None;
    /// <summary>The route name this route's key mappings are kept under.</summary>
    public string KeyMappingRoute => KeyMappingsOf ?? Name;
}

/// <summary>One transformer step as written: its kind (<c>map</c>, <c>set</c>, …) and its arguments.</summary>
/// <param name="Key">The configuration key of the step, e.g. <c>routes.products.transformers[2]</c>.</param>
/// <param name="Position">0-based position in the route's list.</param>
public sealed record TransformerConfig(string Kind, JsonNode? Arguments, string Key, int Position, SourceLocation Location);
