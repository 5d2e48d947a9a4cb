namespace Switchboard.Configuration.Tests;

public sealed class ValidIntegrationTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Two_files_merge_into_one_integration()
    {
        var clients = _files.WriteClients();
        var flows = _files.Write("flows.yaml", SampleFiles.Flows);

        var integration = IntegrationLoader.Load([clients, flows], FakePlatforms.All, environment: name => _files.Environment.GetValueOrDefault(name));

        Assert.Equal(["bc-store", "ecwid-store"], integration.Clients.Keys.Order());
        Assert.Equal(["bc-products"], integration.Incoming.Keys);
        Assert.Equal(["ecwid-products"], integration.Outgoing.Keys);
        Assert.Equal(["products-to-ecwid"], integration.Routes.Keys);
        Assert.Equal(new SourceLocation(flows, 14, 3), integration.Routes["products-to-ecwid"].Location);
    }

    [Fact]
    public void Clients_are_bound_with_settings_and_secrets()
    {
        var integration = LoadSample();

        var bc = integration.Clients["bc-store"];
        Assert.Equal("bigcommerce", bc.Platform);
        Assert.Equal(new Uri("https://api.bigcommerce.com/stores/abc123"), bc.BaseUri);
        Assert.Equal(RequestLogging.Simple, bc.LogRequests);
        Assert.Equal(new RateLimitConfig(150, 30), bc.RateLimit);
        Assert.Equal("bc-secret", bc.Setting("accessToken"));
        Assert.False(bc.Settings.ContainsKey("platform"));
        Assert.Equal(["bc-secret"], bc.Secrets);

        var ecwid = integration.Clients["ecwid-store"];
        Assert.Equal(RequestLogging.None, ecwid.LogRequests);
        Assert.Null(ecwid.RateLimit);
        // Quoted, so it stays text although it looks like a number.
        Assert.Equal("4242", ecwid.Settings["storeId"]!.GetValue<string>());
        Assert.Equal("ecwid-secret", ecwid.Setting("auth.accessToken"));
        Assert.Equal(["ecwid-secret"], ecwid.Secrets);
    }

    [Fact]
    public void Incoming_outgoing_and_routes_are_bound()
    {
        var integration = LoadSample();

        var incoming = integration.Incoming["bc-products"];
        Assert.Equal(("bc-store", "catalog/products"), (incoming.Client, incoming.Entity));
        Assert.Equal(new Dictionary<string, string> { ["include"] = "variants", ["limit"] = "50" }, incoming.Query);
        Assert.True(incoming.Pagination);
        Assert.Equal("*/15 * * * *", incoming.Schedule);
        Assert.Equal("Europe/Berlin", incoming.TimeZone);

        var outgoing = integration.Outgoing["ecwid-products"];
        Assert.Equal(("ecwid-store", "products", "POST"), (outgoing.Client, outgoing.Entity, outgoing.Method));

        var route = integration.Routes["products-to-ecwid"];
        Assert.Equal(("bc-products", "ecwid-products", "id"), (route.From, route.To, route.Key));
        Assert.Equal(2, route.Transformers.Count);
        var map = route.Transformers[0];
        Assert.Equal(("map", "routes.products-to-ecwid.transformers[0]", 0, 18), (map.Kind, map.Key, map.Position, map.Location.Line));
        Assert.Equal("name", map.Arguments!["payload.name"]!.GetValue<string>());
        var filter = route.Transformers[1];
        Assert.Equal(("filter", "price > `0`", 1), (filter.Kind, filter.Arguments!.GetValue<string>(), filter.Position));
        Assert.Equal(route.Transformers, integration.RoutesFrom("bc-products").Single().Transformers);
    }

    [Fact]
    public void A_directory_loads_all_its_yaml_files_recursively()
    {
        _files.WriteClients();
        _files.Write("flows/incoming.yml", ExtractSection(SampleFiles.Flows, "incoming:", "outgoing:"));
        _files.Write("flows/rest.yaml", SampleFiles.Flows[SampleFiles.Flows.IndexOf("outgoing:", StringComparison.Ordinal)..]);
        _files.Write("notes.txt", "not: yaml: at all");

        var result = _files.Load(_files.Root);

        Assert.Empty(result.Errors);
        Assert.Equal(["bc-products"], result.Integration!.Incoming.Keys);
        Assert.Equal(["products-to-ecwid"], result.Integration.Routes.Keys);
    }

    [Fact]
    public void Optional_keys_have_their_defaults_and_yaml_numbers_become_text()
    {
        var clients = _files.WriteClients();
        var flows = _files.Write("flows.yaml", """
            incoming:
              one-variant:
                client: bc-store
                entity: catalog/products
                objectId: 12
                nestedEntity: variants
                nestedObjectId: 3
                path: { page: 2 }
                pagination: false
            outgoing:
              variants:
                client: bc-store
                entity: catalog/products
                nestedEntity: variants
                method: Put
            routes:
              copy:
                from: one-variant
                to: variants
                key: sku
                transformers:
                  - set: { count: 3, price: 1.5, active: true, note: null, code: "007", tags: [a, 1] }
            """);

        var integration = Assert.IsType<Integration>(_files.Load(clients, flows).Integration);

        var incoming = integration.Incoming["one-variant"];
        Assert.Equal(("12", "variants", "3", false), (incoming.ObjectId, incoming.NestedEntity, incoming.NestedObjectId, incoming.Pagination));
        Assert.Equal("2", incoming.Path["page"]);
        Assert.Null(incoming.Schedule);
        Assert.Equal("PUT", integration.Outgoing["variants"].Method);
        var route = integration.Routes["copy"];
        Assert.Equal("sku", route.Key);
        Assert.Equal(
            """{"count":3,"price":1.5,"active":true,"note":null,"code":"007","tags":["a",1]}""",
            route.Transformers.Single().Arguments!.ToJsonString());
    }

    [Fact]
    public void Load_throws_with_every_error()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              shop:
                platform: nope
                baseUri: nowhere
            """);

        var exception = Assert.Throws<IntegrationException>(() => IntegrationLoader.Load([clients], FakePlatforms.All));

        Assert.Equal(["clients.shop.platform", "clients.shop.baseUri"], exception.Errors.Select(e => e.Key));
    }

    private Integration LoadSample()
    {
        var result = _files.Load(_files.WriteClients(), _files.Write("flows.yaml", SampleFiles.Flows));
        Assert.Empty(result.Errors);
        return result.Integration!;
    }

    private static string ExtractSection(string yaml, string from, string to)
    {
        var start = yaml.IndexOf(from, StringComparison.Ordinal);
        return yaml[start..yaml.IndexOf(to, start, StringComparison.Ordinal)];
    }
}
