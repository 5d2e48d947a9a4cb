using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Configuration;
using Switchboard.Connectors.Catalog;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Http;

/// <summary>Turns an entity request into a URL: the catalog's path template, the object and nested ids,
/// placeholders from path parameters or client settings, and the query.</summary>
public sealed partial class RequestBuilder(ClientConfig client, EntityCatalog catalog)
{
    /// <summary>The catalog entry the request addresses: the nested entity's when there is one.</summary>
    public EntityDefinition Target(EntityRequest request)
    {
        var entity = catalog.Find(request.Entity)
            ?? throw new RequestShapeException($"entity '{request.Entity}' is not in the {client.Platform} catalog");
        if (request.NestedEntity is null) return entity;
        return entity.Nested.GetValueOrDefault(request.NestedEntity)
            ?? throw new RequestShapeException($"'{request.NestedEntity}' is not a nested entity of '{entity.Name}'");
    }

    /// <summary>True when the request addresses a list rather than one object.</summary>
    public static bool IsList(EntityRequest request) =>
        request.NestedEntity is null ? request.ObjectId is null : request.NestedObjectId is null;

    public Uri Build(EntityRequest request, IReadOnlyDictionary<string, string> query)
    {
        var entity = catalog.Find(request.Entity)
            ?? throw new RequestShapeException($"entity '{request.Entity}' is not in the {client.Platform} catalog");
        if (!entity.AddressedById && (request.ObjectId is not null || request.NestedEntity is not null))
            throw new RequestShapeException($"'{entity.Name}' is a call addressed by its route alone: it takes no objectId or nested entity; " +
                "send the object's id as a field of the payload");
        var path = new StringBuilder(Fill(entity.Path, request));
        if (request.ObjectId is { } id) path.Append('/').Append(Segment(id));
        if (request.NestedEntity is not null)
        {
            if (request.ObjectId is null)
                throw new RequestShapeException($"nested entity '{request.NestedEntity}' needs the objectId of its '{entity.Name}'");
            path.Append('/').Append(Fill(Target(request).Path, request));
            if (request.NestedObjectId is { } nestedId) path.Append('/').Append(Segment(nestedId));
        }
        var baseUri = client.BaseUri.ToString().TrimEnd('/');
        var uri = $"{baseUri}/{path.ToString().TrimStart('/')}";
        // A path may already carry a query (OpenCart's index.php?route=…): the request's own query joins it.
        return new Uri(query.Count == 0 ? uri : $"{uri}{(uri.Contains('?') ? '&' : '?')}{QueryString(query)}");
    }

    // '=' is legal in a path segment (RFC 3986 sub-delims) and meaningful to commercetools (/products/key=my-key).
    private static string Segment(string id) => Uri.EscapeDataString(id).Replace("%3D", "=", StringComparison.Ordinal);

    public static string QueryString(IReadOnlyDictionary<string, string> query) =>
        string.Join('&', query.Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));

    // Platforms write filters as "date_modified:min" and lists as "1,2,3"; keep those readable in URLs and logs.
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%3A", ":").Replace("%2C", ",");

    private string Fill(string template, EntityRequest request) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            var value = request.Path.GetValueOrDefault(name) ?? client.Setting(name)
                ?? throw new RequestShapeException(
                    $"path parameter '{name}' of '{template}' is not set (give it in path.{name})");
            return Uri.EscapeDataString(value);
        });

    /// <summary>The names of a path template's <c>{name}</c> placeholders.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>A request that cannot be built from what the entity and configuration give.</summary>
public sealed class RequestShapeException(string message) : Exception(message);
