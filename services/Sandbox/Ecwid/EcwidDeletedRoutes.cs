using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>Ecwid's deleted items history: <c>GET /{entity}/deleted?from_date&amp;to_date&amp;offset&amp;limit</c> answers
/// <c>{total, count, offset, limit, items: [{id, date}]}</c>. The dates take UNIX seconds, <c>yyyy-MM-dd HH:mm:ss Z</c>,
/// <c>yyyy-MM-dd HH:mm:ss</c> or <c>yyyy-MM-dd</c> (UTC), both bounds inclusive.</summary>
internal static class EcwidDeletedRoutes
{
    public static readonly string[] Entities = ["products", "customers", "orders"];

    public static void Map(RouteGroupBuilder g, EcwidEmulator e)
    {
        foreach (var entity in Entities)
            g.MapGet($"/{entity}/deleted", (HttpContext c) => List(c, e, entity));
    }

    private static IResult List(HttpContext c, EcwidEmulator e, string entity)
    {
        DateTimeOffset? Bound(string name, out IResult? error)
        {
            error = null;
            var text = c.Request.Query[name].ToString();
            if (text.Length == 0) return null;
            if (JsonHelpers.TryParseDate(text, out var date)) return date;
            error = EcwidErrors.WrongParameter($"Parameter '{name}' must be a UNIX timestamp or a date (yyyy-MM-dd HH:mm:ss Z), got '{text}'");
            return null;
        }

        var from = Bound("from_date", out var fromError);
        var to = Bound("to_date", out var toError);
        return fromError ?? toError ?? EcwidEnvelopes.Page(e.Deletions.Of(entity, from, to), c);
    }
}
