using Switchboard.Configuration;
using Switchboard.Connector.BigCommerce;
using Switchboard.Connector.Commercetools;
using Switchboard.Connector.Ecwid;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>An outgoing whose method the platform has no call for (it would answer 404 or 405) is refused by
/// <c>validate</c>, naming the methods the entity does allow.</summary>
public sealed class CatalogMethodValidationTests
{
    private static readonly PlatformSchemas Platforms = new([new BigCommercePlatform(), new EcwidPlatform(), new CommercetoolsPlatform()]);

    private const string Clients = """
        clients:
          bc:
            platform: bigcommerce
            baseUri: http://127.0.0.1:38101/stores/sandbox
            accessToken: token
          ecwid:
            platform: ecwid
            baseUri: http://127.0.0.1:38102/api/v3
            storeId: "1003"
            auth: { type: token, accessToken: token }
          ct:
            platform: commercetools
            baseUri: http://127.0.0.1:38105
            authUrl: http://127.0.0.1:38105
            projectKey: shop
            clientId: id
            clientSecret: secret

        """;

    [Theory]
    [InlineData("bc", "orders", "products", "POST", "GET")]
    [InlineData("bc", "orders", "messages", "PUT", "GET")]
    [InlineData("bc", "orders", "coupons", "DELETE", "GET")]
    [InlineData("bc", "orders", "taxes", "POST", "GET")]
    [InlineData("bc", "orders", "shipping_addresses", "POST", "GET, PUT")]
    [InlineData("bc", "catalog/trees", null, "POST", "DELETE, GET, PUT")]
    [InlineData("bc", "catalog/variants", null, "DELETE", "GET, PUT")]
    [InlineData("bc", "catalog/categories", "image", "POST", "DELETE")]
    [InlineData("bc", "catalog/brands", "image", "PUT", "DELETE")]
    [InlineData("bc", "pricelists", "records", "POST", "DELETE, GET, PUT")]
    [InlineData("bc", "channels", null, "DELETE", "GET, POST, PUT")]
    [InlineData("ecwid", "reviews", null, "POST", "DELETE, GET, PUT")]
    [InlineData("ct", "custom-objects", null, "PUT", "GET, POST")]
    public void A_method_the_platform_has_no_call_for_is_refused(string client, string entity, string? nested, string method, string allowed)
    {
        var nestedLines = nested is null ? "" : $"\n    objectId: \"1\"\n    nestedEntity: {nested}";
        var errors = Validate($"""
            outgoing:
              out:
                client: {client}
                entity: {entity}
                method: {method}{nestedLines}
            """);

        var error = Assert.Single(errors);
        var described = nested is null ? entity : $"{entity} {nested}";
        Assert.EndsWith($"outgoing.out.method: method '{method}' is not allowed for {described}; allowed: {allowed}", error);
    }

    [Theory]
    [InlineData("bc", "catalog/trees", "PUT")]
    [InlineData("bc", "catalog/variants", "PUT")]
    [InlineData("ecwid", "product_types", "POST")]
    [InlineData("ecwid", "reviews", "PUT")]
    [InlineData("ct", "custom-objects", "POST")]
    public void A_method_the_platform_has_is_accepted(string client, string entity, string method)
    {
        Assert.Empty(Validate($"""
            outgoing:
              out:
                client: {client}
                entity: {entity}
                method: {method}
            """));
    }

    private static IReadOnlyList<string> Validate(string outgoing)
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-catalog-methods-").FullName;
        var file = Path.Combine(folder, "integration.yaml");
        File.WriteAllText(file, Clients + outgoing);
        try
        {
            return IntegrationLoader.TryLoad([file], Platforms, null, _ => null).Errors.Select(e => e.ToString()).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
