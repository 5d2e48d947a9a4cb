using System.Text.Json.Nodes;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>CS-Cart answers <c>GET usergroups</c> with every group at once, a bare object keyed by usergroup_id (no list
/// key, no params), as Usergroups::index returns fn_get_usergroups().</summary>
public sealed class CsCartUsergroupListTests
{
    private static readonly EntityRequest Usergroups = new() { Entity = "usergroups", Pagination = true };

    [Fact]
    public async Task Usergroups_are_listed_whole_in_one_request_including_one_created_through_the_API()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.CsCart(sandbox);
        var ct = TestContext.Current.CancellationToken;
        var created = await client.PublishAsync(Usergroups, "POST", new JsonObject
        {
            ["payload"] = new JsonObject { ["usergroup"] = "Resellers", ["type"] = "C", ["status"] = "A" },
        }, ct);
        sandbox.CsCart.ClearRequests();

        var groups = await client.FetchAllAsync(Usergroups);

        Assert.Equal(["Wholesale", "Managers", "Resellers"], groups.Select(g => g["usergroup"]!.GetValue<string>()));
        Assert.Equal(created.TargetId, groups[^1]["usergroup_id"]!.GetValue<string>());
        Assert.Equal("/api/2.0/usergroups", Assert.Single(sandbox.CsCart.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_filter_that_matches_no_group_is_an_empty_list_not_an_error()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.CsCart(sandbox);

        // PHP encodes an empty array as [], not {}.
        var groups = await client.FetchAllAsync(Usergroups with { Query = new Dictionary<string, string> { ["type"] = "V" } });

        Assert.Empty(groups);
        Assert.Equal(200, Assert.Single(sandbox.CsCart.Requests).Status);
    }
}
