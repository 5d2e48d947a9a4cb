using Switchboard.Configuration;
using Switchboard.Connector.OpenCart;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>OpenCart's calls are addressed by route alone: an id where a route takes none is a configuration mistake.</summary>
public sealed class OpenCartConfigurationTests
{
    [Fact]
    public void An_objectId_on_an_OpenCart_route_is_refused_at_its_file_line_and_key()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-opencart-config-").FullName;
        var file = Path.Combine(folder, "opencart.yaml");
        File.WriteAllText(file, """
            clients:
              shop:
                platform: opencart
                baseUri: http://127.0.0.1:38104/
                username: Default
                apiKey: key
            outgoing:
              add-to-cart:
                client: shop
                entity: Cart - Add product
                method: POST
                objectId: "42"
            """);
        try
        {
            var result = IntegrationLoader.TryLoad([file], new PlatformSchemas([new OpenCartPlatform()]), null, _ => null);

            var error = Assert.Single(result.Errors);
            Assert.Equal($"{file}:12: outgoing.add-to-cart.objectId: opencart 'Cart - Add product' is a call addressed by its route alone and takes no objectId; send ids as payload fields",
                error.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
