using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>What Ecwid remembers of deleted objects for its "deleted items" feeds (<c>/products/deleted</c>,
/// <c>/customers/deleted</c>, <c>/orders/deleted</c>): each one's id and deletion date, oldest first. Only deletes made
/// through the API are recorded, as only those happen in a real store.</summary>
public sealed class EcwidDeletions
{
    private readonly object _gate = new();
    private readonly List<(string Entity, long Id, DateTimeOffset Date)> _items = [];

    public void Record(string entity, long id, DateTimeOffset date)
    {
        lock (_gate) _items.Add((entity, id, date));
    }

    /// <summary>The deleted objects of one entity (<c>products</c>, <c>customers</c>, <c>orders</c>) as the feed lists them:
    /// <c>{ id, date }</c>, the date in Ecwid's format.</summary>
    public IReadOnlyList<JsonObject> Of(string entity, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        lock (_gate)
            return _items
                .Where(i => i.Entity == entity && (from is null || i.Date >= from) && (to is null || i.Date <= to))
                .Select(i => new JsonObject { ["id"] = i.Id, ["date"] = EcwidSeedData.Date(i.Date) })
                .ToList();
    }
}
