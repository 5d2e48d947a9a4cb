using System.Text.Json.Nodes;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>Ecwid product types (the entity <c>product_types</c>) are the API's <c>/classes</c>: a bare array, not paged.</summary>
public sealed class EcwidProductTypeTests
{
    private static readonly EntityRequest ProductTypes = new() { Entity = "product_types", Pagination = true };

    [Fact]
    public async Task Product_types_are_created_listed_updated_and_deleted_at_classes()
    {
        await using var sandbox = await SandboxClients.StartAsync();
        var client = SandboxClients.Ecwid(sandbox);
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PublishAsync(ProductTypes, "POST", new JsonObject
        {
            ["payload"] = new JsonObject
            {
                ["name"] = "Teapots",
                ["attributes"] = new JsonArray(new JsonObject { ["name"] = "Capacity", ["type"] = "CUSTOM" }),
            },
        }, ct);
        var id = created.TargetId!;

        var listed = await client.FetchAllAsync(ProductTypes);
        Assert.Equal(["General", "Teapots"], listed.Select(t => t["name"]?.GetValue<string>() ?? "General"));

        await client.PublishAsync(ProductTypes, "PUT",
            new JsonObject { ["path"] = new JsonObject { ["objectId"] = id }, ["payload"] = new JsonObject { ["name"] = "Tea pots" } }, ct);
        var one = await client.FetchAllAsync(ProductTypes with { ObjectId = id });
        Assert.Equal("Tea pots", Assert.Single(one)["name"]!.GetValue<string>());

        await client.PublishAsync(ProductTypes, "DELETE", new JsonObject { ["path"] = new JsonObject { ["objectId"] = id } }, ct);
        Assert.Null(sandbox.Ecwid.ProductClasses.Get(long.Parse(id)));

        Assert.All(sandbox.Ecwid.Requests, r => Assert.Contains("/1003/classes", r.PathAndQuery, StringComparison.Ordinal));
        Assert.DoesNotContain(sandbox.Ecwid.Requests, r => r.Status >= 400);
    }
}
