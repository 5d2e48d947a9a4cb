namespace Switchboard.Contracts;

/// <summary>Where the next page of a fetch starts: query parameters to set, or a whole link to follow.</summary>
public sealed record PageCursor
{
    /// <summary>1-based number of the page this cursor points at.</summary>
    public required int PageNumber { get; init; }
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();
    /// <summary>The absolute link of this page, when the platform names the next page by a link.</summary>
    public string? Link { get; init; }
    /// <summary>A hash of the previous page's entities, so a platform that repeats a page is caught.</summary>
    public string? PreviousPageHash { get; init; }
    /// <summary>Entities fetched by the run before this page.</summary>
    public int EntitiesSoFar { get; init; }
}
