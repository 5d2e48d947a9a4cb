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

    [Theory]
    [InlineData("4.1", false)]
    [InlineData("4.0", true)]
    [InlineData("3.0", true)]
    public void An_entity_is_checked_against_the_catalog_of_the_clients_version(string version, bool valid)
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-opencart-config-").FullName;
        var file = Path.Combine(folder, "opencart.yaml");
        File.WriteAllText(file, $"""
            clients:
              shop:
                platform: opencart
                baseUri: http://127.0.0.1:38104/
                username: Default
                apiKey: key
                version: "{version}"
            outgoing:
              apply-coupon:
                client: shop
                entity: Coupon - Apply existing coupon
                method: POST
            """);
        try
        {
            var result = IntegrationLoader.TryLoad([file], new PlatformSchemas([new OpenCartPlatform()]), null, _ => null);

            if (valid)
            {
                Assert.Empty(result.Errors);
                return;
            }
            var error = Assert.Single(result.Errors);
            Assert.StartsWith($"{file}:11: outgoing.apply-coupon.entity: 'Coupon - Apply existing coupon' is not available in OpenCart 4.1; its API has: ",
                error.ToString());
            Assert.Contains("Order - Place", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_method_the_route_does_not_take_is_refused()
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
              apply-coupon:
                client: shop
                entity: Coupon - Apply existing coupon
                method: PUT
            """);
        try
        {
            var result = IntegrationLoader.TryLoad([file], new PlatformSchemas([new OpenCartPlatform()]), null, _ => null);

            var error = Assert.Single(result.Errors);
            Assert.Equal($"{file}:11: outgoing.apply-coupon.method: method 'PUT' is not allowed for Coupon - Apply existing coupon; allowed: POST",
                error.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
