using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Ecwid search results: <c>{"total","count","offset","limit","items"}</c>; limit defaults to and is capped at 100.</summary>
internal static class EcwidEnvelopes
{
    public const int MaxLimit = 100;

    public static IResult Page(IReadOnlyList<JsonObject> all, HttpContext context)
    {
        var q = context.Request.Query;
        var offset = 0;
        var limit = MaxLimit;
        if (q.TryGetValue("offset", out var o) && (!int.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return EcwidErrors.WrongParameter("Parameter 'offset' must be a non-negative integer");
        }
        if (q.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return EcwidErrors.WrongParameter("Parameter 'limit' must be a positive integer");
        }
        limit = Math.Min(limit, MaxLimit);
        var items = all.Skip(offset).Take(limit).Select(i => (JsonNode?)i).ToArray();
        return JsonHelpers.Json(200, new JsonObject
        {
            ["total"] = all.Count,
            ["count"] = items.Length,
            ["offset"] = offset,
            ["limit"] = limit,
            ["items"] = new JsonArray(items),
        });
    }

    public static IResult Created(long id) => JsonHelpers.Json(200, new JsonObject { ["id"] = id });

    public static IResult Updated(int count = 1) => JsonHelpers.Json(200, new JsonObject { ["updateCount"] = count });

    public static IResult Deleted(int count = 1) => JsonHelpers.Json(200, new JsonObject { ["deleteCount"] = count });

    /// <summary>Ecwid's <c>updatedFrom</c>-style filters take unix seconds or a date; compares with a stored Ecwid date string.</summary>
    public static Func<JsonObject, bool>? DateFilter(HttpContext context, string param, string field, bool from)
    {
        var raw = context.Request.Query[param].ToString();
        if (raw.Length == 0 || !JsonHelpers.TryParseDate(raw, out var bound)) return null;
        return o => JsonHelpers.TryParseDate(JsonHelpers.Str(o, field), out var value) && (from ? value >= bound : value <= bound);
    }
}
