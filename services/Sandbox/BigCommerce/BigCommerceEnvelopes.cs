using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>v3 <c>{"data","meta"}</c> envelopes and the v2 bare-array pages.</summary>
internal static class BigCommerceEnvelopes
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;

    public static IResult Single(JsonObject data, HttpContext context) =>
        JsonHelpers.Json(200, new JsonObject { ["data"] = Project(data, context.Request.Query), ["meta"] = new JsonObject() });

    public static IResult Many(IEnumerable<JsonObject> data, HttpContext context) =>
        JsonHelpers.Json(200, new JsonObject
        {
            ["data"] = new JsonArray(data.Select(d => (JsonNode?)Project(d, context.Request.Query)).ToArray()),
            ["meta"] = new JsonObject(),
        });

    /// <summary>Reads page/limit. A limit above 250 is capped at 250, as BigCommerce does; junk → 422.</summary>
    public static bool TryPaging(HttpContext context, out int page, out int limit, out IResult? error)
    {
        page = 1;
        limit = DefaultLimit;
        error = null;
        var q = context.Request.Query;
        if (q.TryGetValue("page", out var p) && (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            error = BigCommerceErrors.For(context, BigCommerceErrors.IsV2(context) ? 400 : 422, "The filter(s): page is invalid.", new JsonObject { ["page"] = "must be a positive integer" });
            return false;
        }
        if (q.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            error = BigCommerceErrors.For(context, BigCommerceErrors.IsV2(context) ? 400 : 422, "The filter(s): limit is invalid.", new JsonObject { ["limit"] = "must be a positive integer" });
            return false;
        }
        limit = Math.Min(limit, MaxLimit);
        return true;
    }

    /// <summary>One v3 page with <c>meta.pagination</c>; links keep the other query parameters and omit
    /// <c>previous</c> on the first page and <c>next</c> on the last.</summary>
    public static IResult Page(IReadOnlyList<JsonObject> all, HttpContext context, Func<JsonObject, JsonObject>? shape = null)
    {
        if (!TryPaging(context, out var page, out var limit, out var error)) return error!;
        var total = all.Count;
        var totalPages = (total + limit - 1) / limit;
        var items = all.Skip((page - 1) * limit).Take(limit).Select(o => shape is null ? o : shape(o)).ToArray();

        var links = new JsonObject();
        if (page > 1) links["previous"] = Link(context, page - 1, limit);
        links["current"] = Link(context, page, limit);
        if (page < totalPages) links["next"] = Link(context, page + 1, limit);

        var body = new JsonObject
        {
            ["data"] = new JsonArray(items.Select(i => (JsonNode?)Project(i, context.Request.Query)).ToArray()),
            ["meta"] = new JsonObject
            {
                ["pagination"] = new JsonObject
                {
                    ["total"] = total,
                    ["count"] = items.Length,
                    ["per_page"] = limit,
                    ["current_page"] = page,
                    ["total_pages"] = totalPages,
                    ["links"] = links,
                },
            },
        };
        return JsonHelpers.Json(200, body);
    }

    /// <summary>v2 list: a bare array; an empty page is 204 No Content (orders.v2.oas2.yml).</summary>
    public static IResult V2Page(IReadOnlyList<JsonObject> all, HttpContext context)
    {
        if (!TryPaging(context, out var page, out var limit, out var error)) return error!;
        var items = all.Skip((page - 1) * limit).Take(limit).ToArray();
        if (items.Length == 0) return Results.StatusCode(204);
        return JsonHelpers.Json(200, new JsonArray(items.Select(i => (JsonNode?)i).ToArray()));
    }

    private static string Link(HttpContext context, int page, int limit)
    {
        var parts = context.Request.Query
            .Where(kv => kv.Key is not ("page" or "limit"))
            .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value.ToString()))
            .Append($"page={page}")
            .Append($"limit={limit}");
        return "?" + string.Join('&', parts);
    }

    /// <summary>Applies <c>include_fields</c> / <c>exclude_fields</c>; the id always stays.</summary>
    private static JsonObject Project(JsonObject o, IQueryCollection query)
    {
        var include = query["include_fields"].ToString();
        var exclude = query["exclude_fields"].ToString();
        if (include.Length == 0 && exclude.Length == 0) return o;
        var keep = include.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var drop = exclude.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var result = new JsonObject();
        foreach (var (key, value) in o)
        {
            var kept = key == "id" || key == "variants" || ((keep.Count == 0 || keep.Contains(key)) && !drop.Contains(key));
            if (kept) result[key] = value?.DeepClone();
        }
        return result;
    }
}
