namespace Switchboard.Connectors.Pagination;

/// <summary>A list cannot be paged on safely: a missing total, a repeated page, the page cap.</summary>
public sealed class PaginationException(string message) : Exception(message);
