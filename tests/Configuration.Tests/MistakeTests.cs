namespace Switchboard.Configuration.Tests;

/// <summary>Each kind of mistake is reported once, at its file, line and key.</summary>
public sealed class MistakeTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Unknown_key_lists_the_allowed_keys()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                pagnation: false
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 5, "incoming.bc-products.pagnation");
        Assert.Equal(
            "unknown key 'pagnation'; allowed: client, entity, objectId, nestedEntity, nestedObjectId, path, query, pagination, schedule, timeZone, incremental, transformers, parent, parentKey",
            error.Message);
    }

    [Fact]
    public void Unknown_platform_lists_the_known_ones_and_does_not_cascade()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              shop:
                platform: shopify
                baseUri: https://example.com
            incoming:
              products:
                client: shop
                entity: whatever
            """);

        var error = ErrorAssert.Single(_files.Load(clients), clients, 3, "clients.shop.platform");
        Assert.Equal("unknown platform 'shopify'; known platforms: bigcommerce, ecwid", error.Message);
    }

    [Fact]
    public void Unknown_client_reference_suggests_a_close_name()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              bc-products:
                client: bc-stor
                entity: not-even-checked
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 3, "incoming.bc-products.client");
        Assert.Equal("unknown client 'bc-stor'; did you mean 'bc-store'?", error.Message);
    }

    [Fact]
    public void Entity_not_in_the_catalog_suggests_a_close_name()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/prodcts
                nestedEntity: variants
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 4, "incoming.bc-products.entity");
        Assert.Equal("unknown bigcommerce entity 'catalog/prodcts'; did you mean 'catalog/products'?", error.Message);
    }

    [Fact]
    public void Unknown_nested_entity_lists_the_allowed_ones()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                nestedEntity: images
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 5, "incoming.bc-products.nestedEntity");
        Assert.Equal("unknown nested entity 'images' of bigcommerce catalog/products; allowed: variants", error.Message);
    }

    [Fact]
    public void Nested_object_id_needs_a_nested_entity()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                nestedObjectId: 7
            """);

        ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 5, "incoming.bc-products.nestedObjectId");
    }

    [Fact]
    public void Method_not_allowed_lists_the_entitys_methods()
    {
        var flows = _files.Write("flows.yaml", """
            outgoing:
              bc-orders:
                client: bc-store
                entity: orders
                method: delete
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 5, "outgoing.bc-orders.method");
        Assert.Equal("method 'DELETE' is not allowed for orders; allowed: GET, POST, PUT", error.Message);
    }

    [Theory]
    [InlineData("*/15 * * *")]
    [InlineData("61 * * * *")]
    [InlineData("0 0 25 * * *")]
    public void Bad_cron_is_reported_at_the_schedule(string schedule)
    {
        var flows = _files.Write("flows.yaml", $"""
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                schedule: "{schedule}"
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 5, "incoming.bc-products.schedule");
        Assert.Contains(schedule, error.Message);
    }

    [Fact]
    public void Cron_with_seconds_and_a_time_zone_is_accepted_but_an_unknown_zone_is_not()
    {
        var flows = _files.Write("flows.yaml", """
            incoming:
              every-ten-seconds:
                client: bc-store
                entity: orders
                schedule: "*/10 * * * * *"
                timeZone: UTC
              nowhere:
                client: bc-store
                entity: orders
                timeZone: Mars/Olympus_Mons
            """);

        ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 10, "incoming.nowhere.timeZone");
    }

    [Fact]
    public void Route_to_unknown_outgoing_is_reported_at_to()
    {
        var flows = _files.Write("flows.yaml", SampleFiles.Flows.Replace("to: ecwid-products", "to: ecwid-product"));

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 16, "routes.products-to-ecwid.to");
        Assert.Equal("unknown outgoing 'ecwid-product'; did you mean 'ecwid-products'?", error.Message);
    }

    [Fact]
    public void Route_from_unknown_incoming_is_reported_at_from()
    {
        var flows = _files.Write("flows.yaml", SampleFiles.Flows.Replace("from: bc-products", "from: bc-orders"));

        ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 15, "routes.products-to-ecwid.from");
    }

    [Fact]
    public void Same_name_in_two_files_names_both_places()
    {
        var clients = _files.WriteClients();
        var more = _files.Write("more.yaml", """
            # another store
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: https://example.com
                accessToken: x
            """);

        var error = ErrorAssert.Single(_files.Load(clients, more), more, 3, "clients.bc-store");
        Assert.Equal($"'bc-store' is defined twice: first at {clients}:2, again at {more}:3", error.Message);
    }

    [Fact]
    public void Same_key_twice_in_one_mapping_names_both_lines()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: https://example.com
                accessToken: x
                baseUri: https://example.org
            """);

        var error = ErrorAssert.Single(_files.Load(clients), clients, 6, "clients.bc-store.baseUri");
        Assert.Equal("'baseUri' is given twice: first at line 4, again at line 6", error.Message);
    }

    [Fact]
    public void Bad_base_uri_must_be_absolute_http()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: ftp://example.com
                accessToken: x
              relative:
                platform: bigcommerce
                baseUri: api.example.com/v3
                accessToken: x
            """);

        var result = _files.Load(clients);

        Assert.Collection(
            result.Errors,
            e => ErrorAssert.At(e, clients, 4, "clients.bc-store.baseUri"),
            e => ErrorAssert.At(e, clients, 8, "clients.relative.baseUri"));
        Assert.Equal("expected an absolute http or https URI, got 'ftp://example.com'", result.Errors[0].Message);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_definition()
    {
        var flows = _files.Write("flows.yaml", """
            outgoing:
              ecwid-products:
                client: ecwid-store
                entity: products
            """);

        var error = ErrorAssert.Single(_files.Load(_files.WriteClients(), flows), flows, 2, "outgoing.ecwid-products.method");
        Assert.Equal("'method' is required", error.Message);
    }

    [Fact]
    public void Platform_setting_problems_are_reported_at_the_setting_or_the_client()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              ecwid-store:
                platform: ecwid
                baseUri: https://app.ecwid.com/api/v3
                auth:
                  type: token
                  acessToken: x
            """);

        var result = _files.Load(clients);

        Assert.Collection(
            result.Errors,
            e => ErrorAssert.At(e, clients, 2, "clients.ecwid-store.storeId"),
            e => ErrorAssert.At(e, clients, 5, "clients.ecwid-store.auth.accessToken"),
            e => ErrorAssert.At(e, clients, 7, "clients.ecwid-store.auth.acessToken"));
    }

    [Fact]
    public void Wrongly_typed_scalars_say_what_was_expected()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: https://example.com
                accessToken: x
                logRequests: verbose
                rateLimit: { requests: 0, perSeconds: soon }
            incoming:
              products:
                client: bc-store
                entity: orders
                pagination: yes please
                query: { filter: { nested: no } }
            """);

        var result = _files.Load(clients);

        Assert.Equal(
            [
                (6, "clients.bc-store.logRequests", "expected one of none, simple, full, got 'verbose'"),
                (7, "clients.bc-store.rateLimit.requests", "expected a whole number greater than 0, got '0'"),
                (7, "clients.bc-store.rateLimit.perSeconds", "expected a number greater than 0, got 'soon'"),
                (12, "incoming.products.pagination", "expected true or false, got 'yes please'"),
                (13, "incoming.products.query.filter", "expected a text value, got a mapping"),
            ],
            result.Errors.Select(e => (e.Location.Line, e.Key, e.Message)));
    }

    [Fact]
    public void Several_mistakes_in_one_file_are_all_reported_in_line_order()
    {
        var clients = _files.WriteClients();
        var flows = _files.Write("flows.yaml", """
            routes:
              products-to-ecwid:
                from: bc-products
                to: ecwid-products
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/prodcts
                schedule: every day
            outgoing:
              ecwid-products:
                client: ecwid-store
                entity: products
                method: PATCH
                colour: blue
            """);

        var result = _files.Load(clients, flows);

        Assert.Null(result.Integration);
        Assert.Equal(
            [
                (8, "incoming.bc-products.entity"),
                (9, "incoming.bc-products.schedule"),
                (14, "outgoing.ecwid-products.method"),
                (15, "outgoing.ecwid-products.colour"),
            ],
            result.Errors.Select(e => (e.Location.Line, e.Key)));
        Assert.All(result.Errors, e => Assert.Equal(flows, e.Location.File));
    }

    [Fact]
    public void Errors_are_sorted_by_file_then_line()
    {
        var a = _files.Write("a.yaml", """
            incoming:
              x:
                client: nobody
                entity: orders
            """);
        var b = _files.Write("b.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: nowhere
                accessToken: x
            """);

        var result = _files.Load(b, a);

        Assert.Equal([(a, 3), (b, 4)], result.Errors.Select(e => (e.Location.File, e.Location.Line)));
    }
}
