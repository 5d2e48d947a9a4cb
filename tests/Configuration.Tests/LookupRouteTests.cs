namespace Switchboard.Configuration.Tests;

/// <summary>A <c>lookup</c> step reads the key mappings of a route: that route must be defined.</summary>
public sealed class LookupRouteTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    private string Flows(string transformers) => _files.Write("flows.yaml", $$"""
        incoming:
          bc-categories: { client: bc-store, entity: catalog/categories }
          bc-products: { client: bc-store, entity: catalog/products }
        outgoing:
          ecwid-products: { client: ecwid-store, entity: products, method: POST }
        routes:
          categories-to-ecwid:
            from: bc-categories
            to: ecwid-products
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            transformers:
        {{transformers}}
        """);

    [Fact]
    public void A_lookup_of_a_defined_route_is_valid()
    {
        var flows = Flows("""
                  - lookup: { route: categories-to-ecwid, key: categories, into: payload.categoryIds }
            """);

        Assert.Empty(_files.Load(_files.WriteClients(), flows).Errors);
    }

    [Fact]
    public void A_lookup_of_an_undefined_route_is_an_error_at_its_route_naming_the_close_one()
    {
        var flows = Flows("""
                  - map: { payload.name: name }
                  - lookup:
                      route: categories-to-ecwd
                      key: categories
                      into: payload.categoryIds
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 16, "routes.products-to-ecwid.transformers[1].lookup.route");
        Assert.Equal("no route 'categories-to-ecwd'; did you mean 'categories-to-ecwid'?", error.Message);
    }

    [Fact]
    public void A_lookup_inside_a_condition_branch_is_checked_too()
    {
        var flows = Flows("""
                  - condition:
                      - if: { path: categories, exists: true }
                        then:
                          - set: { payload.enabled: true }
                          - lookup: { route: brands-to-ecwid, key: categories, into: payload.categoryIds }
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 18,
            "routes.products-to-ecwid.transformers[0].condition[0].then[1].lookup.route");
        Assert.StartsWith("no route 'brands-to-ecwid'", error.Message);
    }
}
