namespace Switchboard.Configuration.Tests;

/// <summary>An outgoing's <c>upsert</c> and a route's <c>fingerprint</c> and <c>deleted</c>: read as written, and
/// every mistake reported at its file, line and key.</summary>
public sealed class SyncConfigTests : IDisposable
{
    private readonly TempIntegration _files = new() { Transformers = new ExpressionsOnly() };

    public void Dispose() => _files.Dispose();

    private string Flows(string outgoing, string route = "") => _files.Write("flows.yaml", $"""
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
        outgoing:
          target:
            client: {outgoing}
        routes:
          products:
            from: bc-products
            to: target
        {route}
        """);

    [Fact]
    public void An_upsert_is_read_with_its_methods_and_the_object_id_as_the_default_place_of_the_target_id()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: post, update: put }
            """, """
                fingerprint: { ignore: [date_modified, payload._links] }
                deleted: { when: "is_deleted" }
            """);

        var result = _files.Load(_files.WriteClients(), flows);

        Assert.Empty(result.Errors);
        var outgoing = result.Integration!.Outgoing["target"];
        Assert.Equal(new UpsertConfig("POST", "PUT", "DELETE", "path.objectId"), outgoing.Upsert);
        Assert.Equal("POST", outgoing.Method);
        var route = result.Integration.Routes["products"];
        Assert.Equal(["date_modified", "payload._links"], route.Fingerprint.Ignore);
        Assert.True(route.Fingerprint.Enabled);
        Assert.Equal("is_deleted", route.Deleted!.When);
    }

    [Fact]
    public void A_route_without_fingerprint_detects_changes_and_fingerprint_false_turns_it_off()
    {
        var on = _files.Load(_files.WriteClients(), Flows("ecwid-store\n    entity: products\n    method: POST"));
        var off = _files.Load(_files.WriteClients(), Flows("ecwid-store\n    entity: products\n    method: POST", "    fingerprint: false"));

        Assert.True(on.Integration!.Routes["products"].Fingerprint.Enabled);
        Assert.Null(on.Integration.Outgoing["target"].Upsert);
        Assert.False(off.Integration!.Routes["products"].Fingerprint.Enabled);
    }

    [Fact]
    public void An_upsert_method_the_entity_does_not_allow_is_an_error_listing_the_allowed_ones()
    {
        var flows = Flows("""
            bc-store
                entity: orders
                upsert:
                  create: POST
                  update: PATCH
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 11, "outgoing.target.upsert.update");
        Assert.Equal("method 'PATCH' is not allowed for orders; allowed: GET, POST, PUT", error.Message);
    }

    [Fact]
    public void An_upsert_that_would_create_by_reading_is_an_error()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: GET, update: PUT }
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 9, "outgoing.target.upsert.create");
        Assert.Equal("an upsert's create must write the entity (e.g. POST, PUT or PATCH), not GET", error.Message);
    }

    [Fact]
    public void An_upsert_needs_both_methods()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: POST }
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 9, "outgoing.target.upsert.update");
        Assert.Equal("'update' is required", error.Message);
    }

    [Fact]
    public void An_id_path_outside_path_payload_and_query_is_an_error_that_says_where_ids_may_go()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: POST, update: PUT, idPath: body.id }
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 9, "outgoing.target.upsert.idPath");
        Assert.Equal("'body.id' is not a place for the target id: use path.objectId (the default), path.<placeholder>, payload.<field> or query.<parameter>", error.Message);
    }

    [Fact]
    public void An_id_path_of_path_id_addresses_the_object_as_path_object_id_does()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: POST, update: PUT, idPath: path.id }
            """);

        var result = _files.Load(_files.WriteClients(), flows);

        Assert.Empty(result.Errors);
        Assert.Equal(new UpsertConfig("POST", "PUT", "DELETE", "path.objectId"), result.Integration!.Outgoing["target"].Upsert);
    }

    [Fact]
    public void An_id_path_of_path_id_on_a_nested_entity_addresses_the_nested_object()
    {
        var flows = Flows("""
            bc-store
                entity: catalog/products
                nestedEntity: variants
                upsert: { create: POST, update: PUT, idPath: path.id }
            """);

        var result = _files.Load(_files.WriteClients(), flows);

        Assert.Empty(result.Errors);
        Assert.Equal("path.nestedObjectId", result.Integration!.Outgoing["target"].Upsert!.IdPath);
    }

    [Fact]
    public void An_id_path_in_path_that_fills_no_placeholder_of_the_entity_is_an_error_naming_the_placeholders()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: POST, update: PUT, idPath: path.productId }
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 9, "outgoing.target.upsert.idPath");
        Assert.Equal("'path.productId' is not a placeholder of the path of products (it has {storeId}): use path.objectId (the default; path.id says the same), payload.<field> or query.<parameter>",
            error.Message);
    }

    [Fact]
    public void An_id_path_may_fill_a_placeholder_of_the_entity()
    {
        var flows = Flows("""
            ecwid-store
                entity: products
                upsert: { create: POST, update: PUT, idPath: path.storeId }
            """);

        Assert.Empty(_files.Load(_files.WriteClients(), flows).Errors);
    }

    [Fact]
    public void Deletes_need_an_outgoing_with_an_upsert()
    {
        var flows = Flows("ecwid-store\n    entity: products\n    method: POST", "    deleted: { when: is_deleted }");

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 14, "routes.products.deleted");
        Assert.Equal("deletes go to the target id the key mapping holds: outgoing 'target' needs an upsert", error.Message);
    }

    [Fact]
    public void Deletes_need_an_entity_that_can_be_deleted()
    {
        var flows = Flows("bc-store\n    entity: orders\n    upsert: { create: POST, update: PUT }", "    deleted: { when: is_deleted }");

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 14, "routes.products.deleted");
        Assert.Equal("outgoing 'target' cannot delete: its entity allows no DELETE (set upsert.delete to the method that deletes)", error.Message);
    }

    [Fact]
    public void A_deleted_condition_that_is_not_an_expression_is_an_error_with_the_reason()
    {
        var flows = Flows("ecwid-store\n    entity: products\n    upsert: { create: POST, update: PUT }", "    deleted: { when: \"is_deleted ==\" }");

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 14, "routes.products.deleted.when");
        Assert.Equal("not an expression: is_deleted ==", error.Message);
    }

    /// <summary>Products to Ecwid, and a deletion feed (line 18: its keyMappingsOf) to <paramref name="feedTarget"/>.</summary>
    private string DeletionFeed(string keyMappingsOf, string feedTarget = "ecwid-products") => _files.Write("feed.yaml", $"""
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            upsert: {"{"} create: POST, update: PUT {"}"}
          ecwid-orders:
            client: ecwid-store
            entity: orders
            upsert: {"{"} create: POST, update: PUT {"}"}
        routes:
          deleted-products:
            from: bc-products
            to: {feedTarget}
            keyMappingsOf: {keyMappingsOf}
            deleted: {"{"} when: "`true`" {"}"}
          products:
            from: bc-products
            to: ecwid-products
          orders:
            from: bc-products
            to: ecwid-orders
            keyMappingsOf: products
        """);

    [Fact]
    public void A_route_may_share_the_key_mappings_of_a_route_to_the_same_outgoing()
    {
        var feed = DeletionFeed("products");

        var result = _files.Load(_files.WriteClients(), feed);

        var errors = result.Errors.Where(e => !e.Key.StartsWith("routes.orders", StringComparison.Ordinal));
        Assert.True(!errors.Any(), string.Join("\n", errors));
        var error = Assert.Single(result.Errors);
        Assert.Equal("routes.orders.keyMappingsOf", error.Key);
        Assert.Equal("route 'products' publishes to outgoing 'ecwid-products', and this route to 'ecwid-orders': key mappings hold the ids of "
            + "one outgoing's target, so both routes must publish to the same outgoing", error.Message);
    }

    [Theory]
    [InlineData("prodcts", "unknown route 'prodcts'")]
    [InlineData("deleted-products", "a route keeps its own key mappings without this; name the route whose mappings it shares")]
    [InlineData("orders", "route 'orders' shares the key mappings of route 'products' itself: name 'products' here")]
    public void Key_mappings_of_an_unknown_route_of_itself_or_of_a_sharing_route_are_errors(string keyMappingsOf, string expectedStart)
    {
        var feed = DeletionFeed(keyMappingsOf, feedTarget: keyMappingsOf == "orders" ? "ecwid-orders" : "ecwid-products");

        var errors = _files.Load(_files.WriteClients(), feed).Errors.Where(e => e.Key.StartsWith("routes.deleted-products", StringComparison.Ordinal)).ToList();

        var error = Assert.Single(errors);
        ErrorAssert.At(error, feed, 18, "routes.deleted-products.keyMappingsOf");
        Assert.StartsWith(expectedStart, error.Message);
    }

    [Fact]
    public void Fingerprint_ignore_must_be_a_list_of_paths()
    {
        var flows = Flows("ecwid-store\n    entity: products\n    method: POST", "    fingerprint: { ignore: date_modified }");

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 14, "routes.products.fingerprint.ignore");
        Assert.Equal("expected a list of paths (e.g. [date_modified, payload._links]), got 'date_modified'", error.Message);
    }

    /// <summary>Accepts every transformer step; an expression is invalid when it ends with an operator.</summary>
    private sealed class ExpressionsOnly : ITransformerValidator, IExpressionValidator
    {
        public IEnumerable<string> Validate(TransformerConfig transformer) => [];

        public string? Problem(string expression) => expression.EndsWith("==", StringComparison.Ordinal) ? $"not an expression: {expression}" : null;
    }
}
