using Switchboard.Connectors.Pagination;

namespace Switchboard.Connectors.Catalog;

/// <summary>One entity of a platform's catalog: where it lives, what may be done to it, how its lists come back.</summary>
public sealed record EntityDefinition
{
    /// <summary>The name users write in <c>entity:</c> or <c>nestedEntity:</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Path below the client's base URI; <c>{name}</c> placeholders come from the request's path parameters
    /// or the client's settings (e.g. Ecwid's <c>{storeId}</c>). For a nested entity, the segment after the parent id.</summary>
    public required string Path { get; init; }

    public IReadOnlySet<string> Methods { get; init; } = HttpMethods.Crud;

    /// <summary>Where a list response keeps its items (a dotted path; empty for a bare array).</summary>
    public string ItemsPath { get; init; } = "";

    /// <summary>Where a single-object response keeps the object (empty for the whole body).</summary>
    public string ItemPath { get; init; } = "";

    /// <summary>Where a create response keeps the new object's id.</summary>
    public string CreatedIdPath { get; init; } = "id";

    /// <summary>How lists of this entity are paged; null when the platform returns everything at once.</summary>
    public IPaginationStyle? Pagination { get; init; }

    /// <summary>Writes that address objects in the body rather than in the URL (BigCommerce v3 customers).</summary>
    public BatchWrites? Batch { get; init; }

    /// <summary>How request bodies are written: JSON, or HTML form fields (PHP's nested <c>a[0][b]=…</c> names).</summary>
    public BodyFormat Body { get; init; } = BodyFormat.Json;

    /// <summary>A single object with no list form (a store's profile or settings).</summary>
    public bool Singleton { get; init; }

    /// <summary>False for calls addressed by their route alone (OpenCart's <c>index.php?route=…</c>), where an object id
    /// has no place in the URL and is refused rather than appended to it.</summary>
    public bool AddressedById { get; init; } = true;

    public IReadOnlyDictionary<string, EntityDefinition> Nested { get; init; } = new Dictionary<string, EntityDefinition>();
}

public enum BodyFormat { Json, Form }

/// <summary>For entities written as arrays: the object is wrapped in an array, its id goes in <see cref="IdField"/>,
/// and deletes name ids in the <see cref="DeleteQuery"/> parameter.</summary>
public sealed record BatchWrites(string IdField, string DeleteQuery);

public static class HttpMethods
{
    public static readonly IReadOnlySet<string> Crud = new HashSet<string> { "GET", "POST", "PUT", "DELETE" };
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string> { "GET" };
    public static readonly IReadOnlySet<string> CrudPatch = new HashSet<string> { "GET", "POST", "PUT", "PATCH", "DELETE" };
}
