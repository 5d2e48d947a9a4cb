using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Resource identifiers (<c>{"typeId", "id"}</c> or <c>{"typeId", "key"}</c>) in drafts and actions become
/// references by id; <c>expand</c> puts the referenced object in the reference's <c>obj</c>.</summary>
internal static class CommercetoolsReferences
{
    /// <summary>The reference <c>{typeId, id}</c> an identifier names, or the 400 ReferencedResourceNotFound.</summary>
    public static (JsonObject? Reference, IResult? Error) Resolve(CommercetoolsEmulator e, JsonNode? identifier, string? expectedTypeId = null)
    {
        if (identifier is not JsonObject o)
            return (null, CommercetoolsErrors.InvalidJson($"{expectedTypeId ?? "reference"}: expected a resource identifier {{\"typeId\", \"id\" | \"key\"}}"));
        var typeId = o["typeId"]?.ToString() ?? expectedTypeId;
        var idOrKey = o["id"]?.ToString() is { Length: > 0 } id ? id : o["key"]?.ToString() is { Length: > 0 } key ? "key=" + key : null;
        if (typeId is null || idOrKey is null)
            return (null, CommercetoolsErrors.InvalidJson($"{expectedTypeId ?? "reference"}: a resource identifier needs typeId and id or key"));
        var target = e.TableOfType(typeId)?.Find(idOrKey);
        return target is null
            ? (null, CommercetoolsErrors.ReferencedResourceNotFound(typeId, idOrKey.StartsWith("key=", StringComparison.Ordinal) ? idOrKey[4..] : idOrKey))
            : (new JsonObject { ["typeId"] = typeId, ["id"] = target["id"]!.ToString() }, null);
    }

    /// <summary>Turns every top-level identifier of a draft into a reference (productType, customerGroup, parent, …).</summary>
    public static IResult? ResolveAll(CommercetoolsEmulator e, JsonObject draft)
    {
        foreach (var (name, value) in draft.ToArray())
        {
            if (value is JsonObject { } o && o.ContainsKey("typeId") && (o.ContainsKey("id") || o.ContainsKey("key")))
            {
                var (reference, error) = Resolve(e, o);
                if (error is not null) return error;
                draft[name] = reference;
            }
            else if (value is JsonArray array && array.Count > 0 && array.All(i => i is JsonObject io && io.ContainsKey("typeId")))
            {
                var references = new JsonArray();
                foreach (var item in array)
                {
                    var (reference, error) = Resolve(e, item);
                    if (error is not null) return error;
                    references.Add(reference);
                }
                draft[name] = references;
            }
        }
        return null;
    }

    /// <summary>Expands <c>productType</c>, <c>categories[*]</c>, <c>masterData.current.categories[*]</c>, … in place.</summary>
    public static void Expand(CommercetoolsEmulator e, JsonObject resource, IEnumerable<string> paths)
    {
        foreach (var path in paths)
            Expand(e, resource, path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), 0);
    }

    private static void Expand(CommercetoolsEmulator e, JsonNode? node, string[] segments, int index)
    {
        if (node is null) return;
        if (index == segments.Length)
        {
            if (node is JsonObject reference && reference["typeId"]?.ToString() is { } typeId && reference["id"]?.ToString() is { } id
                && e.TableOfType(typeId)?.Get(id) is { } target)
                reference["obj"] = target;
            return;
        }
        var segment = segments[index];
        var all = segment.EndsWith("[*]", StringComparison.Ordinal);
        var child = (node as JsonObject)?[all ? segment[..^3] : segment];
        if (all && child is JsonArray array)
            foreach (var item in array) Expand(e, item, segments, index + 1);
        else if (!all)
            Expand(e, child, segments, index + 1);
    }
}
