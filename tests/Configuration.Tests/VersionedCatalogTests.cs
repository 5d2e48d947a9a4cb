namespace Switchboard.Configuration.Tests;

/// <summary>A platform whose calls depend on the API version a client's store speaks (OpenCart 3.0 / 4.0 / 4.1): an
/// entity the client's version lacks is refused when the file is validated, at its file, line and key, not at the
/// first task that uses it.</summary>
public sealed class VersionedCatalogTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    private static PlatformSchemas Versioned() => new(
    [
        new FakePlatformSchema("versioned", ["version"], [], [],
            new EntitySchema("coupon", new HashSet<string> { "POST" }, new Dictionary<string, IReadOnlySet<string>>()),
            new EntitySchema("order", new HashSet<string> { "POST" }, new Dictionary<string, IReadOnlySet<string>>()))
        {
            UnavailableWhen = (client, entity) => entity == "coupon" && client.Setting("version") == "2"
                ? $"'{entity}' is not available in version 2" : null,
        },
    ]);

    private IntegrationLoadResult Load(string file) =>
        IntegrationLoader.TryLoad([file], Versioned(), null, _ => null);

    private string Write(string version) => _files.Write("versioned.yaml", $"""
        clients:
          shop:
            platform: versioned
            baseUri: http://127.0.0.1:1/
            version: "{version}"
        outgoing:
          apply-coupon:
            client: shop
            entity: coupon
            method: POST
          place-order:
            client: shop
            entity: order
            method: POST
        """);

    [Fact]
    public void An_entity_the_clients_version_lacks_is_refused_at_its_file_line_and_key()
    {
        var file = Write("2");

        var error = ErrorAssert.Single(Load(file), file, 9, "outgoing.apply-coupon.entity");

        Assert.Equal("'coupon' is not available in version 2", error.Message);
    }

    [Fact]
    public void The_same_entity_is_valid_for_a_client_whose_version_has_it()
    {
        var result = Load(Write("1"));

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Integration);
    }
}
