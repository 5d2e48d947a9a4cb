namespace Switchboard.Configuration.Tests;

/// <summary>Integration files written to a temporary directory, loaded against the fake platforms.</summary>
internal sealed class TempIntegration : IDisposable
{
    public TempIntegration() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "switchboard-config-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Environment { get; } = new()
    {
        ["BC_STORE_HASH"] = "abc123",
        ["BC_ACCESS_TOKEN"] = "bc-secret",
        ["ECWID_STORE_ID"] = "4242",
        ["ECWID_TOKEN"] = "ecwid-secret",
    };

    public ITransformerValidator? Transformers { get; init; }

    /// <summary>Writes a file under the root; returns its full path, as errors name it.</summary>
    public string Write(string relativePath, string yaml)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Writes the valid clients file of <see cref="SampleFiles"/>; returns its path.</summary>
    public string WriteClients() => Write("clients.yaml", SampleFiles.Clients);

    public IntegrationLoadResult Load(params string[] paths) =>
        IntegrationLoader.TryLoad(paths, FakePlatforms.All, Transformers, name => Environment.GetValueOrDefault(name));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
