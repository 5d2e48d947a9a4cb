namespace Switchboard.Configuration.Tests;

/// <summary>An incoming that follows a parent: its nested entity is fetched under each entity of the parent's runs.</summary>
public sealed class ParentTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    private (IntegrationLoadResult Result, string File) Load(string child, string parentExtra = "")
    {
        var flows = _files.Write("flows.yaml", $"""
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
            {parentExtra}
              bc-variants:
                client: bc-store
                entity: catalog/products
            {child}
            """);
        return (_files.Load(_files.WriteClients(), flows), flows);
    }

    [Fact]
    public void A_child_names_its_parent_and_the_parents_id_path()
    {
        var (result, _) = Load("""
                nestedEntity: variants
                parent: bc-products
                parentKey: product.id
            """);

        Assert.Empty(result.Errors);
        var child = result.Integration!.Incoming["bc-variants"];
        Assert.Equal(("bc-products", "product.id"), (child.Parent, child.ParentKey));
        Assert.Equal(["bc-variants"], result.Integration.ChildrenOf("bc-products").Select(i => i.Name));
    }

    [Fact]
    public void An_unknown_parent_suggests_a_close_name()
    {
        var (result, file) = Load("""
                nestedEntity: variants
                parent: bc-product
            """);

        var error = ErrorAssert.Single(result, file, 10, "incoming.bc-variants.parent");
        Assert.Equal("unknown incoming 'bc-product'; did you mean 'bc-products'?", error.Message);
    }

    [Fact]
    public void A_child_needs_a_nested_entity()
    {
        var (result, file) = Load("""
                parent: bc-products
            """);

        var error = ErrorAssert.Single(result, file, 9, "incoming.bc-variants.parent");
        Assert.Equal("an incoming with a parent fetches a nestedEntity under each parent entity; give its nestedEntity", error.Message);
    }

    [Fact]
    public void A_child_takes_its_object_id_from_the_parent_not_from_the_file()
    {
        var (result, file) = Load("""
                nestedEntity: variants
                objectId: "7"
                parent: bc-products
            """);

        var error = ErrorAssert.Single(result, file, 10, "incoming.bc-variants.objectId");
        Assert.Equal("the objectId of an incoming with a parent comes from each parent entity; remove it", error.Message);
    }

    [Fact]
    public void Parents_that_go_round_in_a_circle_are_reported()
    {
        var (result, file) = Load("""
                nestedEntity: variants
                parent: bc-products
            """, parentExtra: """
                nestedEntity: variants
                parent: bc-variants
            """);

        Assert.Null(result.Integration);
        Assert.Equal(
            [(2, "incoming.bc-products.parent", "the parents go round in a circle: bc-products → bc-variants → bc-products"),
             (7, "incoming.bc-variants.parent", "the parents go round in a circle: bc-variants → bc-products → bc-variants")],
            result.Errors.Select(e => (e.Location.Line, e.Key, e.Message)));
        Assert.All(result.Errors, e => Assert.Equal(file, e.Location.File));
    }

    [Fact]
    public void A_child_has_no_schedule_of_its_own()
    {
        var (result, file) = Load("""
                nestedEntity: variants
                parent: bc-products
                schedule: "*/5 * * * *"
            """);

        var error = ErrorAssert.Single(result, file, 11, "incoming.bc-variants.schedule");
        Assert.Equal("an incoming with a parent runs after each run of 'bc-products'; give the schedule to 'bc-products'", error.Message);
    }
}
