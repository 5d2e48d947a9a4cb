using System.Net;
using Switchboard.Connectors.Auth;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>switchboard grant</c> for an Ecwid OAuth client, run as a user runs it, then a pipeline run that
/// publishes with the token it stored.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class EcwidGrantPipelineTests
{
    // One key for every test in this process: the pipeline's connector reads it from the environment.
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    private static string WriteIntegration(PipelineHarness harness, string redirectUri) =>
        WriteFile(harness, $"""
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: {harness.Sandbox.BigCommerce.BaseUri}
                accessToken: "{harness.Sandbox.BigCommerce.AccessToken}"
              ecwid-store:
                platform: ecwid
                baseUri: {harness.Sandbox.Ecwid.BaseUri}
                storeId: "{harness.Sandbox.Ecwid.StoreId}"
                auth:
                  type: oauth
                  clientId: {harness.Sandbox.Ecwid.OAuthClientId}
                  clientSecret: {harness.Sandbox.Ecwid.OAuthClientSecret}
                  redirectUri: {redirectUri}
                  scopes: [read_catalog, update_catalog, create_catalog]
                  authorizeUrl: {harness.Sandbox.Ecwid.AuthorizeUri}
                  tokenUrl: {harness.Sandbox.Ecwid.TokenUri}
            {PipelineHarness.ProductsToEcwid}
            """);

    private static string WriteFile(PipelineHarness harness, string yaml)
    {
        var path = Path.Combine(harness.Folder, "integration.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task Products_reach_Ecwid_with_the_token_switchboard_grant_stored()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 30);
        var redirect = "https://integrations.example.test/ecwid/callback";
        var file = WriteIntegration(harness, redirect);
        var state = Path.Combine(harness.Folder, "state");
        var code = await AuthorizeAsync(harness, redirect);

        var (exit, output) = await GrantAsync(["grant", "ecwid-store", file, "--state", state, "--paste"], code, Key);

        Assert.True(exit == 0, output);
        Assert.Contains("Access granted for client 'ecwid-store' to Ecwid store 1003.", output);
        Assert.Contains($"stored encrypted in {Path.Combine(state, "grants", "ecwid-store.grant.json")}", output);

        Environment.SetEnvironmentVariable(SecretKey.Variable, Key);
        var summary = await harness.RunAsync(file, "inmemory");

        Assert.True(summary.Succeeded, string.Join(Environment.NewLine, summary.Errors));
        Assert.Equal(30, summary.Routes["products-to-ecwid"].Published);
        Assert.Equal(30, harness.Sandbox.Ecwid.Products.Count);
        var posts = harness.Sandbox.Ecwid.Requests.Where(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/v3/", StringComparison.Ordinal)).ToList();
        Assert.Equal(30, posts.Count);
        Assert.All(posts, p => Assert.NotEqual($"Bearer {harness.Sandbox.Ecwid.AccessToken}", p.Authorization));
        Assert.Single(posts.Select(p => p.Authorization).Distinct());
    }

    [Fact]
    public async Task Without_a_grant_every_task_fails_telling_the_user_to_run_switchboard_grant()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var file = WriteIntegration(harness, "http://127.0.0.1:8765/callback");
        Environment.SetEnvironmentVariable(SecretKey.Variable, Key);

        var summary = await harness.RunAsync(file, "inmemory");

        Assert.Equal(5, summary.Routes["products-to-ecwid"].Failed);
        Assert.All(summary.Errors, e => Assert.Contains("run `switchboard grant ecwid-store", e));
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task Grant_without_the_secret_key_exits_1_naming_the_variable()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = WriteIntegration(harness, "https://integrations.example.test/ecwid/callback");

        var (exit, output) = await GrantAsync(["grant", "ecwid-store", file, "--state", Path.Combine(harness.Folder, "state"), "--paste"], "", key: null);

        Assert.Equal(1, exit);
        Assert.Contains("SWITCHBOARD_SECRET_KEY is not set", output);
    }

    [Fact]
    public async Task Grant_for_a_client_with_its_token_in_the_files_says_there_is_nothing_to_grant()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var (exit, output) = await GrantAsync(["grant", "bc-store", file, "--state", Path.Combine(harness.Folder, "state")], "", Key);

        Assert.Equal(0, exit);
        Assert.Contains("bigcommerce clients need no grant", output);
    }

    /// <summary>The merchant's consent: where Ecwid's authorize page sends the browser, and the code in it.</summary>
    private static async Task<string> AuthorizeAsync(PipelineHarness harness, string redirect)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var url = $"{harness.Sandbox.Ecwid.AuthorizeUri}?client_id={harness.Sandbox.Ecwid.OAuthClientId}&redirect_uri={WebUtility.UrlEncode(redirect)}" +
            "&response_type=code&scope=read_catalog+update_catalog+create_catalog";
        using var response = await browser.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    /// <summary>Runs <c>switchboard</c> with a line typed on its standard input; returns the exit code and everything it printed.
    /// No key is an empty <c>SWITCHBOARD_SECRET_KEY</c>, which the grant treats as unset.</summary>
    private static async Task<(int ExitCode, string Output)> GrantAsync(string[] args, string typed, string? key)
    {
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, args,
            new Dictionary<string, string> { [SecretKey.Variable] = key ?? "" }, TestContext.Current.CancellationToken, standardInput: typed);
        return (exit, stdout + stderr);
    }
}
