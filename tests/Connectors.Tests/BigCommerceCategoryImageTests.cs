using System.Text.Json.Nodes;
using Switchboard.Contracts;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>A BigCommerce category's image is one file at <c>…/categories/{id}/image</c>, with no id of its own.</summary>
public sealed class BigCommerceCategoryImageTests
{
    [Fact]
    public async Task Deleting_a_category_image_needs_only_the_category_id()
    {
        await using var sandbox = await SandboxClients.StartAsync(bigCommerceProducts: 5);
        var client = SandboxClients.BigCommerce(sandbox);
        var category = sandbox.BigCommerce.Categories.All[0]["id"]!.GetValue<long>();
        sandbox.BigCommerce.Categories.Update(category, c => c["image_url"] = "https://cdn.example.com/kitchen.png");
        var image = new EntityRequest { Entity = "catalog/categories", NestedEntity = "image" };

        var result = await client.PublishAsync(image, "DELETE",
            new JsonObject { ["path"] = new JsonObject { ["objectId"] = category } }, TestContext.Current.CancellationToken);

        Assert.Equal(204, result.StatusCode);
        Assert.Equal($"/stores/sandbox/v3/catalog/categories/{category}/image", Assert.Single(sandbox.BigCommerce.Requests).PathAndQuery);
        Assert.Equal("", sandbox.BigCommerce.Categories.Get(category)!["image_url"]!.GetValue<string>());
    }
}
