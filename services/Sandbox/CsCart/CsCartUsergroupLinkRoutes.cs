using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>A user's usergroup memberships (<c>users/{id}/usergroups[/{usergroup_id}]</c>), as Tygh\Api\Entities\Usergroups
/// answers under a user: GET lists the links, PUT sets a link's status, DELETE sets it to F (available, not a member).
/// There is no create (POST is 400) and no single link to read (GET with an id is 400).</summary>
internal static class CsCartUsergroupLinkRoutes
{
    /// <summary>Link statuses: A active, P pending, D declined, F available (the user left or was removed).</summary>
    public const string Removed = "F";

    public static void Map(RouteGroupBuilder g, CsCartEmulator e)
    {
        g.MapGet("/users/{id}/usergroups", (HttpContext c, string id) =>
            User(e, id) is { } user ? List(e, c, UserId(user)) : CsCartErrors.Error(404));
        g.MapGet("/users/{id}/usergroups/{groupId}", (string id) =>
            User(e, id) is not null ? CsCartErrors.Error(400) : CsCartErrors.Error(404));
        g.MapPost("/users/{id}/usergroups", (string id) =>
            User(e, id) is not null ? CsCartErrors.Error(400) : CsCartErrors.Error(404));
        g.MapPost("/users/{id}/usergroups/{groupId}", () => CsCartErrors.NoIdExpected());
        g.MapPut("/users/{id}/usergroups", () => CsCartErrors.NeedId());
        g.MapPut("/users/{id}/usergroups/{groupId}", (HttpContext c, string id, string groupId) =>
        {
            if (User(e, id) is not { } user) return CsCartErrors.Error(404);
            if (e.ObjectBody(c, out var body) is { } error) return error;
            if (CsCartJson.IsEmpty(body["status"])) return CsCartErrors.Required(["status"]);
            return Change(e, user, groupId, CsCartJson.Text(body["status"]));
        });
        g.MapDelete("/users/{id}/usergroups", () => CsCartErrors.NeedId());
        g.MapDelete("/users/{id}/usergroups/{groupId}", (string id, string groupId) =>
            User(e, id) is { } user ? Change(e, user, groupId, Removed) : CsCartErrors.Error(404));
    }

    private static JsonObject? User(CsCartEmulator e, string id) => CsCartObjectRoutes.Find(e.UserObject, id);

    private static long UserId(JsonObject user) => JsonHelpers.IdOf(user, "user_id");

    /// <summary>fn_get_user_usergroup_links(): keyed by usergroup_id, links with status F left out unless <c>status</c>
    /// names them or <c>all</c> is set; a user without links is PHP's empty array, <c>[]</c>.</summary>
    private static IResult List(CsCartEmulator e, HttpContext c, long userId)
    {
        var q = c.Request.Query;
        var wanted = q["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var all = q["all"].ToString() is { Length: > 0 } a && a != "0";
        var links = e.UsergroupLinks.Where(l => CsCartJson.Long(l["user_id"]) == userId)
            .Where(l => wanted.Length > 0 ? wanted.Contains(CsCartJson.Text(l["status"])) : all || CsCartJson.Text(l["status"]) != Removed)
            .Select(l => new JsonObject { ["link_id"] = l["link_id"]!.DeepClone(), ["usergroup_id"] = l["usergroup_id"]!.DeepClone(), ["status"] = l["status"]!.DeepClone() })
            .ToArray();
        if (links.Length == 0) return JsonHelpers.Json(200, new JsonArray());
        return JsonHelpers.Json(200, new JsonObject(links.Select(l => KeyValuePair.Create(CsCartJson.Text(l["usergroup_id"]), (JsonNode?)CsCartJson.Loose(l)))));
    }

    /// <summary>changeUserToGroupLink(): the group must exist, and an administrators' group (type A) takes only
    /// administrators and vendors; then fn_change_usergroup_status() adds or updates the link.</summary>
    private static IResult Change(CsCartEmulator e, JsonObject user, string groupId, string status)
    {
        if (CsCartObjectRoutes.Find(e.UsergroupObject, groupId) is not { } group) return CsCartErrors.Error(400);
        if (CsCartJson.Text(group["type"]) == "A" && CsCartJson.Text(user["user_type"]) is not ("A" or "V")) return CsCartErrors.Error(400);
        var userId = UserId(user);
        var gid = JsonHelpers.IdOf(group, "usergroup_id");
        // One link per user and group: looking it up and adding it must not interleave with another request's.
        lock (e.UsergroupLinks)
        {
            var existing = e.UsergroupLinks.Where(l => CsCartJson.Long(l["user_id"]) == userId && CsCartJson.Long(l["usergroup_id"]) == gid).FirstOrDefault();
            if (existing is null)
                e.UsergroupLinks.Add(new JsonObject { ["user_id"] = userId, ["usergroup_id"] = gid, ["status"] = status });
            else
                e.UsergroupLinks.Update(JsonHelpers.IdOf(existing, "link_id"), l => l["status"] = status);
        }
        return status == Removed
            ? CsCartEnvelopes.NoContent()
            : JsonHelpers.Json(200, new JsonObject { ["message"] = "Status has been changed" });
    }
}
