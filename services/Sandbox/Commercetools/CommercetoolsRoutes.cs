using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>The resource endpoints: query, get by id or <c>key=</c>, create from a draft (201), update with
/// <c>{version, actions}</c>, delete with <c>?version=</c>; and the same under <c>/in-store/key={storeKey}/</c> for
/// carts, orders and customers.</summary>
internal static class CommercetoolsRoutes
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 500;
    private const int MaxOffset = 10_000;
    private static readonly HashSet<string> InStore = ["carts", "orders", "customers"];

    public static void Map(RouteGroupBuilder g, CommercetoolsEmulator e)
    {
        g.MapGet("/{projectKey}/{resource}", (HttpContext c, string projectKey, string resource) => Query(c, e, projectKey, resource, null));
        g.MapGet("/{projectKey}/{resource}/{idOrKey}", (HttpContext c, string projectKey, string resource, string idOrKey) => GetOne(c, e, projectKey, resource, idOrKey));
        g.MapPost("/{projectKey}/{resource}", (HttpContext c, string projectKey, string resource) => Create(c, e, projectKey, resource, null));
        g.MapPost("/{projectKey}/{resource}/{idOrKey}", (HttpContext c, string projectKey, string resource, string idOrKey) => Update(c, e, projectKey, resource, idOrKey));
        g.MapDelete("/{projectKey}/{resource}/{idOrKey}", (HttpContext c, string projectKey, string resource, string idOrKey) => Delete(c, e, projectKey, resource, idOrKey));

        g.MapGet("/{projectKey}/in-store/{store}/{resource}", (HttpContext c, string projectKey, string store, string resource) =>
            StoreKey(store, resource) is { } key ? Query(c, e, projectKey, resource, key) : NoEndpoint(c));
        g.MapPost("/{projectKey}/in-store/{store}/{resource}", (HttpContext c, string projectKey, string store, string resource) =>
            StoreKey(store, resource) is { } key ? Create(c, e, projectKey, resource, key) : NoEndpoint(c));
        g.MapGet("/{projectKey}/in-store/{store}/{resource}/{idOrKey}", (HttpContext c, string projectKey, string store, string resource, string idOrKey) =>
            StoreKey(store, resource) is not null ? GetOne(c, e, projectKey, resource, idOrKey) : NoEndpoint(c));
        g.MapPost("/{projectKey}/in-store/{store}/{resource}/{idOrKey}", (HttpContext c, string projectKey, string store, string resource, string idOrKey) =>
            StoreKey(store, resource) is not null ? Update(c, e, projectKey, resource, idOrKey) : NoEndpoint(c));
        g.MapDelete("/{projectKey}/in-store/{store}/{resource}/{idOrKey}", (HttpContext c, string projectKey, string store, string resource, string idOrKey) =>
            StoreKey(store, resource) is not null ? Delete(c, e, projectKey, resource, idOrKey) : NoEndpoint(c));
    }

    private static string? StoreKey(string store, string resource) =>
        store.StartsWith("key=", StringComparison.Ordinal) && InStore.Contains(resource) ? store[4..] : null;

    private static IResult NoEndpoint(HttpContext c) =>
        CommercetoolsErrors.Error(404, "ResourceNotFound", $"The endpoint '{c.Request.Method} {c.Request.Path}' was not found.");

    /// <summary>The resource's table after the scope check, or the answer to send instead.</summary>
    private static (CommercetoolsResourceTable? Table, IResult? Error) Open(HttpContext c, CommercetoolsEmulator e, string projectKey, string resource)
    {
        var table = e.Table(resource == "product-projections" && HttpMethods.IsGet(c.Request.Method) ? "products" : resource);
        if (table is null) return (null, NoEndpoint(c));
        return e.Authorize(c, projectKey, resource) is { } refused ? (null, refused) : (table, null);
    }

    private static IResult Query(HttpContext c, CommercetoolsEmulator e, string projectKey, string resource, string? storeKey)
    {
        var (table, refused) = Open(c, e, projectKey, resource);
        if (table is null) return refused!;
        var q = c.Request.Query;
        if (Number(q, "limit", DefaultLimit, MaxLimit) is not { } limit)
            return CommercetoolsErrors.InvalidInput($"Malformed parameter: limit: must be a number from 0 to {MaxLimit}.");
        if (Number(q, "offset", 0, MaxOffset) is not { } offset)
            return CommercetoolsErrors.InvalidInput($"Malformed parameter: offset: must be a number from 0 to {MaxOffset}.");
        var withTotal = JsonHelpers.ParseBool(q["withTotal"]) ?? true;

        var tests = new List<Func<JsonNode?, bool>>();
        foreach (var where in q["where"])
        {
            try
            {
                tests.Add(QueryPredicate.Parse(where ?? ""));
            }
            catch (FormatException ex)
            {
                return CommercetoolsErrors.InvalidInput($"Malformed parameter: where: Syntax error while parsing 'where'. {ex.Message}");
            }
        }
        if (storeKey is not null && e.Resources("stores").Find("key=" + storeKey) is { } store)
        {
            var storeId = store["id"]!.ToString();
            tests.Add(o => o?["store"]?["id"]?.ToString() == storeId || o?["stores"] is JsonArray s && s.Any(x => x?["id"]?.ToString() == storeId));
        }
        else if (storeKey is not null)
            tests.Add(_ => false);
        if (Sort(q["sort"]) is not { } sort && q["sort"].Count > 0)
            return CommercetoolsErrors.InvalidInput("Malformed parameter: sort: expected 'field asc' or 'field desc'.");
        Func<JsonObject, JsonObject?>? view = resource == "product-projections"
            ? p => ProductActions.Projection(p, JsonHelpers.ParseBool(q["staged"]) == true)
            : null;

        var (page, total) = table.Query(o => tests.All(t => t(o)), Sort(q["sort"]), offset, limit, view);
        var results = new JsonArray();
        foreach (var item in page) results.Add(Shown(e, c, item));
        var body = new JsonObject { ["limit"] = limit, ["offset"] = offset, ["count"] = page.Count };
        if (withTotal) body["total"] = total;
        body["results"] = results;
        return JsonHelpers.Json(200, body);
    }

    private static IResult GetOne(HttpContext c, CommercetoolsEmulator e, string projectKey, string resource, string idOrKey)
    {
        var (table, refused) = Open(c, e, projectKey, resource);
        if (table is null) return refused!;
        var found = table.Find(idOrKey);
        if (found is not null && resource == "product-projections")
            found = ProductActions.Projection(found, JsonHelpers.ParseBool(c.Request.Query["staged"]) == true);
        return found is null ? CommercetoolsErrors.NotFound(idOrKey) : JsonHelpers.Json(200, Shown(e, c, found));
    }

    private static IResult Create(HttpContext c, CommercetoolsEmulator e, string projectKey, string resource, string? storeKey)
    {
        var (table, refused) = Open(c, e, projectKey, resource);
        if (table is null) return refused!;
        var body = e.Body(c);
        if (body.Error is not null) return body.Error;
        if (body.Node is not JsonObject draft) return CommercetoolsErrors.InvalidJson("The draft must be a JSON object.");
        if (storeKey is not null)
            draft[resource == "customers" ? "stores" : "store"] = resource == "customers"
                ? new JsonArray(new JsonObject { ["typeId"] = "store", ["key"] = storeKey })
                : new JsonObject { ["typeId"] = "store", ["key"] = storeKey };
        var (resourceObject, invalid) = CommercetoolsDrafts.Build(e, resource, draft);
        if (invalid is not null) return invalid;
        var (created, error) = table.Create(resourceObject!);
        if (error is not null) return error;
        var shown = Shown(e, c, created!);
        // Customer sign-up answers a CustomerSignInResult.
        return JsonHelpers.Json(201, resource == "customers" ? new JsonObject { ["customer"] = shown } : shown);
    }

    private static IResult Update(HttpContext c, CommercetoolsEmulator e, string projectKey, string resource, string idOrKey)
    {
        var (table, refused) = Open(c, e, projectKey, resource);
        if (table is null) return refused!;
        var body = e.Body(c);
        if (body.Error is not null) return body.Error;
        if (body.Node is not JsonObject update || JsonHelpers.Long(update["version"]) is not { } version)
            return CommercetoolsErrors.InvalidJson("version: Missing required value");
        if (update["actions"] is not JsonArray actions)
            return CommercetoolsErrors.InvalidJson("actions: Missing required value");
        if (actions.Count > 500)
            return CommercetoolsErrors.InvalidInput("At most 500 update actions are allowed in one request.");
        var (updated, error) = table.Change(idOrKey, version, target => CommercetoolsUpdateActions.Apply(e, resource, target, actions));
        return error ?? JsonHelpers.Json(200, Shown(e, c, updated!));
    }

    private static IResult Delete(HttpContext c, CommercetoolsEmulator e, string projectKey, string resource, string idOrKey)
    {
        var (table, refused) = Open(c, e, projectKey, resource);
        if (table is null) return refused!;
        if (!long.TryParse(c.Request.Query["version"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
            return CommercetoolsErrors.InvalidInput("Missing required query parameter 'version'.");
        var (deleted, error) = table.Delete(idOrKey, version);
        return error ?? JsonHelpers.Json(200, Shown(e, c, deleted!));
    }

    /// <summary>The object as answered: references expanded as the request's <c>expand</c> parameters ask.</summary>
    private static JsonObject Shown(CommercetoolsEmulator e, HttpContext c, JsonObject resource)
    {
        CommercetoolsReferences.Expand(e, resource, c.Request.Query["expand"].OfType<string>());
        return resource;
    }

    private static int? Number(IQueryCollection q, string name, int fallback, int max)
    {
        if (!q.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= max ? n : null;
    }

    /// <summary><c>sort=name.en asc</c>, repeatable; later sorts break ties of earlier ones.</summary>
    private static Comparison<JsonObject>? Sort(Microsoft.Extensions.Primitives.StringValues sorts)
    {
        Comparison<JsonObject>? combined = null;
        foreach (var sort in sorts)
        {
            var parts = (sort ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 1 or > 2 || parts.Length == 2 && parts[1] is not ("asc" or "desc")) return null;
            var path = parts[0].Split('.');
            var sign = parts.Length == 2 && parts[1] == "desc" ? -1 : 1;
            Comparison<JsonObject> one = (a, b) => sign * CompareValues(At(a, path), At(b, path));
            var previous = combined;
            combined = previous is null ? one : (a, b) => previous(a, b) is var c and not 0 ? c : one(a, b);
        }
        return combined;
    }

    private static JsonNode? At(JsonObject o, string[] path)
    {
        JsonNode? node = o;
        foreach (var segment in path) node = (node as JsonObject)?[segment];
        return node;
    }

    private static int CompareValues(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        if (JsonHelpers.IsNumber(a) && JsonHelpers.IsNumber(b)) return JsonHelpers.Dec(a)!.Value.CompareTo(JsonHelpers.Dec(b)!.Value);
        var sa = a is JsonValue va && va.GetValueKind() == JsonValueKind.String ? va.GetValue<string>() : a.ToJsonString();
        var sb = b is JsonValue vb && vb.GetValueKind() == JsonValueKind.String ? vb.GetValue<string>() : b.ToJsonString();
        return Math.Sign(string.CompareOrdinal(sa, sb));
    }
}
