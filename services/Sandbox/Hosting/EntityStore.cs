using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>
/// Thread-safe in-memory table of JSON entities keyed by an auto-incrementing id.
/// Every read returns deep copies, so callers may mutate what they get.
/// </summary>
public sealed class EntityStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, JsonObject> _items = new();
    private readonly Func<long, int, JsonObject>? _generator;
    private readonly Action<JsonObject>? _afterSeed;
    private readonly Dictionary<string, Dictionary<string, SortedSet<long>>> _indexes;
    private long _nextId;
    private int _seeded;

    /// <param name="idProperty">Property that holds the id (Ecwid orders use "orderNumber").</param>
    /// <param name="firstId">First id handed out.</param>
    /// <param name="generator">Builds the seeded entity for (id, 1-based ordinal).</param>
    /// <param name="afterSeed">Runs after each seeded entity is stored (e.g. to add its base variant).</param>
    /// <param name="indexedBy">Top-level properties looked up by value (<see cref="WithValue"/>): a SKU check or the
    /// variants of a product would otherwise scan the whole store on every request.</param>
    public EntityStore(string idProperty = "id", long firstId = 1, Func<long, int, JsonObject>? generator = null, Action<JsonObject>? afterSeed = null,
        params string[] indexedBy)
    {
        IdProperty = idProperty;
        _indexes = indexedBy.ToDictionary(p => p, _ => new Dictionary<string, SortedSet<long>>(StringComparer.Ordinal));
        _nextId = firstId;
        _generator = generator;
        _afterSeed = afterSeed;
    }

    public string IdProperty { get; }

    public int Count { get { lock (_gate) return _items.Count; } }

    /// <summary>Snapshot of every entity, ordered by id.</summary>
    public IReadOnlyList<JsonObject> All
    {
        get { lock (_gate) return _items.Values.Select(Clone).ToArray(); }
    }

    public JsonObject? Get(long id)
    {
        lock (_gate) return _items.TryGetValue(id, out var e) ? Clone(e) : null;
    }

    public IReadOnlyList<JsonObject> Where(Func<JsonObject, bool> predicate)
    {
        lock (_gate) return _items.Values.Where(predicate).Select(Clone).ToArray();
    }

    public bool Any(Func<JsonObject, bool> predicate)
    {
        lock (_gate) return _items.Values.Any(predicate);
    }

    /// <summary>The entities whose indexed <paramref name="property"/> is <paramref name="value"/>, ordered by id.</summary>
    public IReadOnlyList<JsonObject> WithValue(string property, string value)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(property, out var index))
                throw new InvalidOperationException($"This store does not index '{property}'.");
            return index.TryGetValue(value, out var ids) ? ids.Select(id => Clone(_items[id])).ToArray() : [];
        }
    }

    /// <summary>Stores a copy with a fresh id (any id in <paramref name="entity"/> is ignored) and returns it.</summary>
    public JsonObject Add(JsonObject entity)
    {
        lock (_gate)
        {
            var id = _nextId++;
            var stored = new JsonObject { [IdProperty] = id };
            foreach (var (key, value) in entity)
            {
                if (key != IdProperty) stored[key] = value?.DeepClone();
            }
            _items[id] = stored;
            Index(id, stored);
            return Clone(stored);
        }
    }

    /// <summary>As <see cref="Add"/>, unless a stored entity conflicts with it (a unique field taken): then null,
    /// checked and stored under one lock so two writers cannot both take the same value.</summary>
    public JsonObject? AddUnless(Func<JsonObject, bool> conflicts, JsonObject entity)
    {
        lock (_gate) return _items.Values.Any(conflicts) ? null : Add(entity);
    }

    /// <summary>As <see cref="Update"/>, unless another stored entity conflicts with the updated one: then the entity
    /// is left as it was and <paramref name="conflicted"/> is true.</summary>
    public JsonObject? UpdateUnless(long id, Action<JsonObject> mutate, Func<JsonObject, JsonObject, bool> conflicts, out bool conflicted)
    {
        lock (_gate)
        {
            conflicted = false;
            if (!_items.TryGetValue(id, out var current)) return null;
            var next = Clone(current);
            mutate(next);
            if (_items.Values.Any(other => !ReferenceEquals(other, current) && conflicts(other, next)))
            {
                conflicted = true;
                return Clone(current);
            }
            return Update(id, mutate);
        }
    }

    /// <summary>Applies <paramref name="mutate"/> to the stored entity atomically; null when the id is unknown.</summary>
    public JsonObject? Update(long id, Action<JsonObject> mutate)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(id, out var current)) return null;
            var next = Clone(current);
            mutate(next);
            next[IdProperty] = id;
            Unindex(id, current);
            _items[id] = next;
            Index(id, next);
            return Clone(next);
        }
    }

    public bool Remove(long id)
    {
        lock (_gate)
        {
            if (!_items.Remove(id, out var removed)) return false;
            Unindex(id, removed);
            return true;
        }
    }

    public int RemoveWhere(Func<JsonObject, bool> predicate)
    {
        lock (_gate)
        {
            var ids = _items.Where(kv => predicate(kv.Value)).Select(kv => kv.Key).ToArray();
            foreach (var id in ids)
            {
                Unindex(id, _items[id]);
                _items.Remove(id);
            }
            return ids.Length;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            foreach (var index in _indexes.Values) index.Clear();
        }
    }

    /// <summary>Generates <paramref name="n"/> more deterministic entities (ordinals continue after earlier seeds).</summary>
    public IReadOnlyList<JsonObject> Seed(int n)
    {
        if (_generator is null) throw new InvalidOperationException("This store has no seed generator.");
        var added = new List<JsonObject>(Math.Max(0, n));
        for (var i = 0; i < n; i++)
        {
            JsonObject entity;
            lock (_gate)
            {
                var ordinal = ++_seeded;
                entity = Add(_generator(_nextId, ordinal));
            }
            _afterSeed?.Invoke(entity);
            added.Add(Get(entity[IdProperty]!.GetValue<long>()) ?? entity);
        }
        return added;
    }

    private void Index(long id, JsonObject entity)
    {
        foreach (var (property, index) in _indexes)
            if (entity[property] is JsonValue value)
            {
                var key = value.ToString();
                if (!index.TryGetValue(key, out var ids)) index[key] = ids = [];
                ids.Add(id);
            }
    }

    private void Unindex(long id, JsonObject entity)
    {
        foreach (var (property, index) in _indexes)
            if (entity[property] is JsonValue value && index.TryGetValue(value.ToString(), out var ids))
                ids.Remove(id);
    }

    private static JsonObject Clone(JsonObject e) => e.DeepClone().AsObject();
}
