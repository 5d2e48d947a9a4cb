using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

/// <summary>CS-Cart <c>GET usergroups</c> answers fn_get_usergroups() as it is: every group at once, an object keyed by
/// usergroup_id, with no list key, paging or params; <c>[]</c> when none matches.</summary>
public sealed class CsCartUsergroupIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Usergroups_are_an_object_keyed_by_id_whatever_the_page_asked_for()
    {
        await using var sb = await Sandbox.StartAsync();

        var all = await (await sb.CsCart.GetAsync("usergroups?page=2&items_per_page=1", Ct)).BodyAsync();
        var customers = await (await sb.CsCart.GetAsync("usergroups?type=C", Ct)).BodyAsync();
        using var vendors = await sb.CsCart.GetAsync("usergroups?type=V", Ct);

        var groups = Assert.IsType<JsonObject>(all);
        Assert.Equal(["Wholesale", "Managers"], groups.Select(g => (string)g.Value!["usergroup"]!));
        Assert.All(groups, g => Assert.Equal(g.Key, (string)g.Value!["usergroup_id"]!));
        Assert.Equal(["Wholesale"], customers.AsObject().Select(g => (string)g.Value!["usergroup"]!));
        Assert.Equal(HttpStatusCode.OK, vendors.StatusCode);
        Assert.Equal("[]", await vendors.TextAsync());
    }
}
