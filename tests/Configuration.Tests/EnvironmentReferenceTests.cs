namespace Switchboard.Configuration.Tests;

public sealed class EnvironmentReferenceTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Missing_variable_is_named_at_its_scalar_and_does_not_cascade()
    {
        _files.Environment.Remove("BC_ACCESS_TOKEN");
        _files.Environment.Remove("ECWID_TOKEN");
        var clients = _files.WriteClients();

        var result = _files.Load(clients);

        Assert.Null(result.Integration);
        Assert.Collection(
            result.Errors,
            e =>
            {
                ErrorAssert.At(e, clients, 5, "clients.bc-store.accessToken");
                Assert.Equal("environment variable BC_ACCESS_TOKEN is not set", e.Message);
            },
            e =>
            {
                ErrorAssert.At(e, clients, 12, "clients.ecwid-store.auth.accessToken");
                Assert.Equal("environment variable ECWID_TOKEN is not set", e.Message);
            });
    }

    [Fact]
    public void An_error_about_a_value_from_the_environment_quotes_the_reference_never_the_secret()
    {
        _files.Environment["SOME_TOKEN"] = "sk_live_SUPERSECRET";
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: ${SOME_TOKEN}
                accessToken: x
                logRequests: ${SOME_TOKEN}
            """);

        var errors = _files.Load(clients).Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain("SUPERSECRET", e.ToString()));
        Assert.Contains(errors, e => e.Key == "clients.bc-store.baseUri" && e.Message.Contains("'${SOME_TOKEN}'"));
    }

    [Fact]
    public void Defaults_escapes_and_several_references_in_one_scalar()
    {
        _files.Environment["EMPTY"] = "";
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: https://${HOST:-api.example.com}/stores/${BC_STORE_HASH}/${EMPTY:-v3}
                accessToken: "$${NOT_A_REFERENCE} and $$ and ${BC_ACCESS_TOKEN}"
                logRequests: ${LOGGING:-full}
            """);

        var client = Assert.IsType<Integration>(_files.Load(clients).Integration).Clients["bc-store"];

        Assert.Equal(new Uri("https://api.example.com/stores/abc123/v3"), client.BaseUri);
        Assert.Equal("${NOT_A_REFERENCE} and $$ and bc-secret", client.Setting("accessToken"));
        Assert.Equal(RequestLogging.Full, client.LogRequests);
    }

    [Fact]
    public void Resolved_plain_scalars_are_typed_after_resolution()
    {
        _files.Environment["PAGES"] = "false";
        var flows = _files.Write("flows.yaml", """
            incoming:
              bc-products:
                client: bc-store
                entity: catalog/products
                pagination: ${PAGES}
            """);

        var integration = Assert.IsType<Integration>(_files.Load(_files.WriteClients(), flows).Integration);

        Assert.False(integration.Incoming["bc-products"].Pagination);
    }

    [Fact]
    public void Malformed_references_are_errors()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: https://example.com/${not valid}
                accessToken: ${BC_ACCESS_TOKEN
            """);

        var result = _files.Load(clients);

        Assert.Collection(
            result.Errors,
            e => ErrorAssert.At(e, clients, 4, "clients.bc-store.baseUri"),
            e => ErrorAssert.At(e, clients, 5, "clients.bc-store.accessToken"));
    }

    [Fact]
    public void The_process_environment_is_used_by_default()
    {
        var name = $"SWITCHBOARD_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            var clients = _files.Write("clients.yaml", $$"""
                clients:
                  bc-store:
                    platform: bigcommerce
                    baseUri: https://example.com
                    accessToken: ${{{name}}}
                """);

            var integration = IntegrationLoader.Load([clients], FakePlatforms.All);

            Assert.Equal(["from-process"], integration.Clients["bc-store"].Secrets);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
