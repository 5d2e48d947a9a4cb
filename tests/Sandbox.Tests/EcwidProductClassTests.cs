using System.Net;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox.Tests;

/// <summary>Ecwid product types at <c>/classes</c>: a bare array with the General type (id 0), create, update, delete.</summary>
public sealed class EcwidProductClassTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Product_types_are_a_bare_array_written_and_deleted_as_ecwid_documents()
    {
        await using var sb = await Sandbox.StartAsync(ecwidProducts: 2);
        var product = sb.Server.Ecwid.Products.All[0]["id"]!.GetValue<long>();

        var fresh = await (await sb.Ecwid.GetAsync("classes", Ct)).BodyAsync();
        using var created = await sb.Ecwid.PostAsync("classes", Sandbox.Json("""{"name":"Books","attributes":[{"name":"ISBN","type":"CUSTOM","show":"DESCR"}]}"""), Ct);
        var id = (long)(await created.BodyAsync())["id"]!;
        using var duplicate = await sb.Ecwid.PostAsync("classes", Sandbox.Json("""{"name":"books"}"""), Ct);
        using var assigned = await sb.Ecwid.PutAsync($"products/{product}", Sandbox.Json($$"""{"productClassId":{{id}}}"""), Ct);
        using var renamed = await sb.Ecwid.PutAsync($"classes/{id}", Sandbox.Json("""{"name":"Printed books"}"""), Ct);
        var one = await (await sb.Ecwid.GetAsync($"classes/{id}", Ct)).BodyAsync();
        using var deleted = await sb.Ecwid.DeleteAsync($"classes/{id}", Ct);
        using var deletedAgain = await sb.Ecwid.DeleteAsync($"classes/{id}", Ct);
        using var general = await sb.Ecwid.DeleteAsync("classes/0", Ct);
        using var missing = await sb.Ecwid.GetAsync($"classes/{id}", Ct);

        var types = Assert.IsType<JsonArray>(fresh);
        Assert.Equal(0, (long)Assert.Single(types)!["id"]!);
        Assert.Equal(["Brand", "UPC"], types[0]!["attributes"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(1, (int)(await renamed.BodyAsync())["updateCount"]!);
        Assert.Equal("Printed books", (string)one["name"]!);
        Assert.Equal("ISBN", (string)one["attributes"]![0]!["name"]!);
        Assert.Equal(1, (int)(await deleted.BodyAsync())["deleteCount"]!);
        Assert.Equal(0, (int)(await deletedAgain.BodyAsync())["deleteCount"]!);
        Assert.Equal(HttpStatusCode.BadRequest, general.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, (long)sb.Server.Ecwid.Products.Get(product)!["productClassId"]!);
    }
}
