using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>The REST verbs every CS-Cart object answers the same way (Tygh\Api::exec): GET a list or one, POST without
/// an id (201 with the new id), PUT with an id (200 with the id), DELETE with an id (204), 404 for an unknown id,
/// 405 for an id where none belongs or none where one is needed.</summary>
internal static class CsCartObjectRoutes
{
    public static void Map(RouteGroupBuilder g, CsCartEmulator e, CsCartObject o)
    {
        var list = $"/{o.Name}";
        var one = $"/{o.Name}/{{id}}";
        g.MapGet(list, (HttpContext c) => List(c, o, _ => true));
        g.MapGet(one, (string id) => Find(o, id) is { } item ? JsonHelpers.Json(200, CsCartJson.Loose(item)) : NotFound(o, id));
        g.MapPost(list, (HttpContext c) => Create(e, c, o, body => body));
        g.MapPost(one, () => CsCartErrors.NoIdExpected());
        g.MapPut(list, () => CsCartErrors.NeedId());
        g.MapPut(one, (HttpContext c, string id) => Update(e, c, o, id));
        g.MapDelete(list, () => CsCartErrors.NeedId());
        g.MapDelete(one, (string id) => Delete(o, id));
    }

    public static IResult List(HttpContext c, CsCartObject o, Func<JsonObject, bool> belongs)
    {
        var q = c.Request.Query;
        var filters = q.Where(p => o.Filters.Contains(p.Key) && p.Value.ToString().Length > 0).ToArray();
        var items = o.Store.Where(i => belongs(i) && filters.All(f => Matches(i[f.Key], f.Value.ToString())));
        if (o.ListedWholeById) return CsCartEnvelopes.KeyedById(items, o.IdKey);
        return CsCartEnvelopes.Page(c, o.ItemsKey, CsCartEnvelopes.Sorted(c, items, o.IdKey).ToArray());
    }

    /// <summary>Equality on a loose value; an array field (category_ids) matches when it holds the value.</summary>
    private static bool Matches(JsonNode? field, string value) => field is JsonArray a
        ? a.Any(x => CsCartJson.Text(x) == value)
        : string.Equals(CsCartJson.Text(field), value, StringComparison.OrdinalIgnoreCase);

    public static JsonObject? Find(CsCartObject o, string id) => CsCartJson.Long(id) is { } n ? o.Store.Get(n) : null;

    /// <param name="attach">Lays the parent's fields over the body of a nested create (products/{id}/discussions).</param>
    public static IResult Create(CsCartEmulator e, HttpContext c, CsCartObject o, Func<JsonObject, JsonObject> attach)
    {
        if (e.ObjectBody(c, out var body) is { } error) return error;
        body = attach(body);
        var missing = o.Required.Where(f => CsCartJson.IsEmpty(body[f])).ToArray();
        if (missing.Length > 0) return CsCartErrors.Required(missing);
        var created = o.Defaults?.Invoke() ?? new JsonObject();
        foreach (var (key, value) in body)
            if (key != o.IdKey) created[key] = value?.DeepClone();
        created["timestamp"] ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var stored = o.Unique is { } unique
            ? o.Store.AddUnless(existing => SameValue(existing, created, unique.Field), created)
            : o.Store.Add(created);
        if (stored is null) return CsCartErrors.Error(400, o.Unique!.Value.Message);
        return CsCartEnvelopes.Answered(201, o.AnsweredIdKey, JsonHelpers.IdOf(stored, o.IdKey));
    }

    public static IResult Update(CsCartEmulator e, HttpContext c, CsCartObject o, string id)
    {
        if (Find(o, id) is null) return NotFound(o, id);
        if (e.ObjectBody(c, out var body) is { } error) return error;
        var n = CsCartJson.Long(id)!.Value;
        void Change(JsonObject item)
        {
            foreach (var (key, value) in body)
                if (key != o.IdKey) item[key] = value?.DeepClone();
            item["updated_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        }
        if (o.Unique is { } unique)
        {
            o.Store.UpdateUnless(n, Change, (other, next) => SameValue(other, next, unique.Field), out var conflicted);
            if (conflicted) return CsCartErrors.Error(400, unique.Message);
        }
        else
            o.Store.Update(n, Change);
        return CsCartEnvelopes.Answered(200, o.AnsweredIdKey, n);
    }

    private static bool SameValue(JsonObject a, JsonObject b, string field) =>
        CsCartJson.Text(a[field]) is { Length: > 0 } value && string.Equals(value, CsCartJson.Text(b[field]), StringComparison.OrdinalIgnoreCase);

    public static IResult Delete(CsCartObject o, string id) =>
        CsCartJson.Long(id) is { } n && o.Store.Remove(n) ? CsCartEnvelopes.NoContent() : NotFound(o, id);

    public static IResult NotFound(CsCartObject o, string id) => CsCartErrors.Error(404);
}
