using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>CS-Cart lists: <c>{"&lt;plural&gt;": […], "params": {"page": 1, "items_per_page": "10", …, "total_items": "64"}}</c>.</summary>
internal static class CsCartEnvelopes
{
    /// <summary>The "Elements per page" setting of a fresh store.</summary>
    public const int DefaultItemsPerPage = 10;

    private static readonly HashSet<string> Paging = ["page", "items_per_page", "sort_by", "sort_order"];

    public static IResult Page(HttpContext context, string itemsKey, IReadOnlyList<JsonObject> all, bool keyedById = false, string? idKey = null)
    {
        var q = context.Request.Query;
        var perPage = CsCartJson.Long(q["items_per_page"].ToString()) is > 0 and var n ? (int)n : DefaultItemsPerPage;
        var page = CsCartJson.Long(q["page"].ToString()) is > 0 and var p ? (int)p : 1;
        // db_paginate() clamps a page past the end to the last page: asking beyond the end repeats the last page.
        var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);
        if (all.Count > 0 && page > lastPage) page = lastPage;
        var items = all.Skip((page - 1) * perPage).Take(perPage).Select(CsCartJson.Loose).ToArray();

        JsonNode list = keyedById
            ? new JsonObject(items.Select(i => KeyValuePair.Create(CsCartJson.Text(i[idKey!]), (JsonNode?)i)))
            : new JsonArray(items.Select(i => (JsonNode?)i).ToArray());
        var parameters = new JsonObject
        {
            ["page"] = page,
            ["items_per_page"] = perPage.ToString(CultureInfo.InvariantCulture),
            ["sort_by"] = q["sort_by"].ToString() is { Length: > 0 } sortBy ? sortBy : "id",
            ["sort_order"] = q["sort_order"].ToString() is "desc" ? "desc" : "asc",
        };
        foreach (var (key, value) in q)
            if (!Paging.Contains(key)) parameters[key] = value.ToString();
        parameters["total_items"] = all.Count.ToString(CultureInfo.InvariantCulture);
        return JsonHelpers.Json(200, new JsonObject { [itemsKey] = list, ["params"] = parameters });
    }

    /// <summary>A PHP array keyed by id as json_encode writes it: an object, or <c>[]</c> when it is empty.</summary>
    public static IResult KeyedById(IEnumerable<JsonObject> items, string idKey)
    {
        var all = items.Select(CsCartJson.Loose).ToArray();
        return all.Length == 0
            ? JsonHelpers.Json(200, new JsonArray())
            : JsonHelpers.Json(200, new JsonObject(all.Select(i => KeyValuePair.Create(CsCartJson.Text(i[idKey]), (JsonNode?)i))));
    }

    /// <summary>Sorted by <c>sort_by</c> (default: the id) in <c>sort_order</c>.</summary>
    public static IEnumerable<JsonObject> Sorted(HttpContext context, IEnumerable<JsonObject> items, string idKey)
    {
        var q = context.Request.Query;
        var field = q["sort_by"].ToString();
        return QueryFilter.Sort(items, field.Length > 0 ? field : idKey, q["sort_order"].ToString() == "desc", idKey);
    }

    public static IResult Answered(int status, string key, long id) =>
        JsonHelpers.Json(status, new JsonObject { [key] = id.ToString(CultureInfo.InvariantCulture) });

    public static IResult NoContent() => Results.StatusCode(204);
}
