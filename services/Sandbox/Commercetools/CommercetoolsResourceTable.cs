using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>One commercetools resource type: objects by UUID and by <c>key</c>, each with its <c>version</c>, created
/// and last-modified times. Thread-safe; reads return copies. Changes through the API check the version; tests can
/// play "another writer" with <see cref="Update"/>.</summary>
public sealed class CommercetoolsResourceTable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly string? _uniqueField;

    internal CommercetoolsResourceTable(string resource, string typeId, string? uniqueField = null)
    {
        Resource = resource;
        TypeId = typeId;
        _uniqueField = uniqueField;
    }

    /// <summary>The URL name (<c>products</c>).</summary>
    public string Resource { get; }

    /// <summary>The reference type id (<c>product</c>).</summary>
    public string TypeId { get; }

    public int Count { get { lock (_gate) return _byId.Count; } }

    /// <summary>Every object, in creation order.</summary>
    public IReadOnlyList<JsonObject> All
    {
        get { lock (_gate) return _order.Select(id => Clone(_byId[id])).ToArray(); }
    }

    public JsonObject? Get(string id)
    {
        lock (_gate) return _byId.TryGetValue(id, out var o) ? Clone(o) : null;
    }

    /// <summary>By id, or by key when written <c>key=…</c> as in URLs.</summary>
    public JsonObject? Find(string idOrKey)
    {
        lock (_gate) return Locate(idOrKey) is { } o ? Clone(o) : null;
    }

    /// <summary>Stores a new object (a fresh id unless it has one), version 1.</summary>
    public JsonObject Add(JsonObject resource)
    {
        lock (_gate)
        {
            if (Conflict(resource, null) is { } duplicate) throw new InvalidOperationException($"duplicate {duplicate}");
            return Clone(Insert(resource));
        }
    }

    /// <summary>Another writer changes the object: <paramref name="mutate"/> runs and the version goes up by one.</summary>
    public JsonObject? Update(string id, Action<JsonObject> mutate)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current)) return null;
            var next = Clone(current);
            mutate(next);
            return Clone(Replace(next, current));
        }
    }

    /// <summary>Seeding: no uniqueness checks (the generator's keys are unique), so thousands go in quickly.</summary>
    internal void Seed(JsonObject resource)
    {
        lock (_gate) Insert(resource);
    }

    internal (JsonObject? Created, IResult? Error) Create(JsonObject resource)
    {
        lock (_gate)
        {
            if (Conflict(resource, null) is { } field) return (null, CommercetoolsErrors.DuplicateField(field, resource[field]));
            return (Clone(Insert(resource)), null);
        }
    }

    /// <summary>Applies update actions to a copy at the expected version; the object changes only if all succeed.</summary>
    internal (JsonObject? Updated, IResult? Error) Change(string idOrKey, long version, Func<JsonObject, IResult?> apply)
    {
        lock (_gate)
        {
            if (Locate(idOrKey) is not { } current) return (null, CommercetoolsErrors.NotFound(idOrKey));
            var actual = JsonHelpers.Long(current["version"]) ?? 1;
            if (actual != version) return (null, CommercetoolsErrors.ConcurrentModification(current["id"]!.ToString(), version, actual));
            var next = Clone(current);
            if (apply(next) is { } error) return (null, error);
            if (Conflict(next, current["id"]!.ToString()) is { } field) return (null, CommercetoolsErrors.DuplicateField(field, next[field]));
            return (Clone(Replace(next, current)), null);
        }
    }

    internal (JsonObject? Deleted, IResult? Error) Delete(string idOrKey, long version)
    {
        lock (_gate)
        {
            if (Locate(idOrKey) is not { } current) return (null, CommercetoolsErrors.NotFound(idOrKey));
            var id = current["id"]!.ToString();
            var actual = JsonHelpers.Long(current["version"]) ?? 1;
            if (actual != version) return (null, CommercetoolsErrors.ConcurrentModification(id, version, actual));
            _byId.Remove(id);
            _order.Remove(id);
            return (Clone(current), null);
        }
    }

    /// <summary>One page of the objects a predicate selects (evaluated on <paramref name="view"/> of each), sorted.</summary>
    internal (IReadOnlyList<JsonObject> Page, int Total) Query(Func<JsonObject, bool> where, Comparison<JsonObject>? sort, int offset, int limit,
        Func<JsonObject, JsonObject?>? view = null)
    {
        lock (_gate)
        {
            IEnumerable<JsonObject> selected = _order.Select(id => _byId[id]).Select(o => view is null ? o : view(o)).OfType<JsonObject>().Where(where).ToList();
            // Stable: objects that sort equal keep their creation order.
            if (sort is not null) selected = selected.Order(Comparer<JsonObject>.Create(sort)).ToList();
            var all = (List<JsonObject>)selected;
            return (all.Skip(offset).Take(limit).Select(Clone).ToArray(), all.Count);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byId.Clear();
            _order.Clear();
        }
    }

    private JsonObject Insert(JsonObject resource)
    {
        var now = Timestamp();
        var stored = new JsonObject
        {
            ["id"] = resource["id"]?.ToString() is { Length: > 0 } given ? given : Guid.NewGuid().ToString(),
            ["version"] = 1,
        };
        foreach (var (name, value) in resource)
            if (name is not ("id" or "version")) stored[name] = value?.DeepClone();
        stored["createdAt"] ??= now;
        stored["lastModifiedAt"] = now;
        var id = stored["id"]!.ToString();
        _byId[id] = stored;
        _order.Add(id);
        return stored;
    }

    private JsonObject Replace(JsonObject next, JsonObject current)
    {
        next["id"] = current["id"]!.DeepClone();
        next["version"] = (JsonHelpers.Long(current["version"]) ?? 1) + 1;
        next["createdAt"] = current["createdAt"]?.DeepClone();
        next["lastModifiedAt"] = Timestamp();
        _byId[current["id"]!.ToString()] = next;
        return next;
    }

    private JsonObject? Locate(string idOrKey)
    {
        if (!idOrKey.StartsWith("key=", StringComparison.Ordinal)) return _byId.GetValueOrDefault(idOrKey);
        var key = idOrKey[4..];
        return _byId.Values.FirstOrDefault(o => o["key"] is JsonValue k && k.ToString() == key);
    }

    /// <summary>The field another object already holds the same value in: <c>key</c>, or the table's unique field.</summary>
    private string? Conflict(JsonObject candidate, string? ownId)
    {
        foreach (var field in new[] { "key", _uniqueField })
        {
            if (field is null || candidate[field] is not JsonValue value) continue;
            var text = value.ToString();
            if (_byId.Values.Any(o => o["id"]!.ToString() != ownId && o[field] is JsonValue other
                                      && string.Equals(other.ToString(), text, field == "email" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
                return field;
        }
        return null;
    }

    private static string Timestamp() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Clone(JsonObject o) => (JsonObject)o.DeepClone();
}
