using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connector.Ecwid;
using Switchboard.Connectors.Auth;
using Switchboard.Sandbox;
using Xunit;

namespace Switchboard.Connectors.Tests;

/// <summary>An Ecwid OAuth client of the sandbox, a fresh state folder and key, and a simulated merchant's browser.</summary>
public sealed class EcwidGrantFixture : IDisposable
{
    public EcwidGrantFixture(SandboxServer sandbox) => Sandbox = sandbox;

    public SandboxServer Sandbox { get; }
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("switchboard-grant-").FullName;
    public string Key { get; set; } = NewKey();
    public LineWriter Output { get; } = new();

    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A loopback redirect on a port nobody listens on yet.</summary>
    public static Uri LoopbackRedirect()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/callback");
    }

    public ClientConfig Client(Uri redirectUri, string scopes = "read_catalog update_catalog create_catalog", string? clientSecret = null) => new()
    {
        Name = "ecwid-oauth",
        Platform = "ecwid",
        BaseUri = Sandbox.Ecwid.BaseUri,
        Settings = new JsonObject
        {
            ["storeId"] = Sandbox.Ecwid.StoreId.ToString(),
            ["auth"] = new JsonObject
            {
                ["type"] = "oauth",
                ["clientId"] = Sandbox.Ecwid.OAuthClientId,
                ["clientSecret"] = clientSecret ?? Sandbox.Ecwid.OAuthClientSecret,
                ["redirectUri"] = redirectUri.ToString(),
                ["scopes"] = scopes,
                ["authorizeUrl"] = Sandbox.Ecwid.AuthorizeUri.ToString(),
                ["tokenUrl"] = Sandbox.Ecwid.TokenUri.ToString(),
            },
        },
        Secrets = [clientSecret ?? Sandbox.Ecwid.OAuthClientSecret],
    };

    public GrantContext Context(bool paste = false, string? pasted = null) => new()
    {
        Output = Output,
        StateDirectory = StateDirectory,
        ReadLine = _ => Task.FromResult(pasted),
        Paste = paste,
        Environment = Environment,
        Authentication = Authentication(),
    };

    public AuthenticatorContext Authentication(string? key = null) => new()
    {
        StateDirectory = StateDirectory,
        TokenHttpClient = () => new HttpClient(),
        Environment = name => name == SecretKey.Variable ? key ?? Key : null,
    };

    private string? Environment(string name) => name == SecretKey.Variable ? Key : null;

    public Task<int> GrantAsync(ClientConfig client, GrantContext context) =>
        new EcwidPlatform().Grant.GrantAsync(client, context, TestContext.Current.CancellationToken);

    /// <summary>The merchant's browser: opens the printed authorize URL and follows every redirect.</summary>
    public async Task<HttpResponseMessage> OpenAuthorizeUrlAsync()
    {
        var url = await Output.AuthorizeUrl.Task.WaitAsync(TestContext.Current.CancellationToken);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        return await browser.GetAsync(url, TestContext.Current.CancellationToken);
    }

    /// <summary>Where the authorize page sends the browser, without going there (a redirect nobody listens on).</summary>
    public async Task<Uri> AuthorizeRedirectAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>A connector client of the OAuth client, through the authenticator the Ecwid platform chooses for it.</summary>
    public ConnectorClient Connector(ClientConfig client, string? key = null)
    {
        var platform = new EcwidPlatform();
        var handler = new AuthenticationHandler(platform.CreateAuthenticator(client, Authentication(key))) { InnerHandler = new HttpClientHandler() };
        return new ConnectorClient(client, platform, new HttpClient(handler));
    }

    public string GrantFile => Path.Combine(StateDirectory, "grants", "ecwid-oauth.grant.json");

    public void Dispose()
    {
        try { Directory.Delete(StateDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Captures what a grant prints, and hands over the authorize URL the moment it is printed.</summary>
public sealed class LineWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    public TaskCompletionSource<Uri> AuthorizeUrl { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public override Encoding Encoding => Encoding.UTF8;
    public string Text { get { lock (_text) return _text.ToString(); } }

    public override void Write(char value)
    {
        lock (_text) _text.Append(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_text) _text.AppendLine(value);
        if (value is not null && value.StartsWith("http", StringComparison.Ordinal) && value.Contains("/api/oauth/authorize", StringComparison.Ordinal))
            AuthorizeUrl.TrySetResult(new Uri(value));
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
