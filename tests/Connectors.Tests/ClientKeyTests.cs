using Switchboard.Configuration;
using Switchboard.Connector.Ecwid;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>A misspelt client key is named with the nearest key a client takes, its common keys included.</summary>
public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("rateLimt: { requests: 10, perSeconds: 1 }", "clients.shop.rateLimt: unknown key 'rateLimt'; did you mean 'rateLimit'?")]
    [InlineData("storId: \"1003\"", "clients.shop.storId: unknown key 'storId'; did you mean 'storeId'?")]
    public void A_misspelt_key_suggests_the_key_meant(string line, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-client-keys-").FullName;
        var file = Path.Combine(folder, "ecwid.yaml");
        File.WriteAllText(file, $"""
            clients:
              shop:
                platform: ecwid
                baseUri: http://127.0.0.1:38102/api/v3
                storeId: "1003"
                auth: {"{"} type: token, accessToken: t {"}"}
                {line}
            """);
        try
        {
            var result = IntegrationLoader.TryLoad([file], new PlatformSchemas([new EcwidPlatform()]), null, _ => null);

            Assert.Contains(result.Errors, e => e.ToString().EndsWith(expected, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
