namespace Switchboard.Configuration.Tests;

/// <summary>Problems with the files themselves: missing, empty, not YAML, not an integration.</summary>
public sealed class FileTests : IDisposable
{
    private readonly TempIntegration _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Missing_file_is_named()
    {
        var missing = Path.Combine(_files.Root, "nope.yaml");

        var error = Assert.Single(_files.Load(missing).Errors);

        Assert.Equal(missing, error.Location.File);
        Assert.Equal($"{missing}: no such file or directory", error.ToString());
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var empty = _files.Write("empty.yaml", "# nothing here yet\n");

        ErrorAssert.Single(_files.Load(empty), empty, 1, "");
    }

    [Fact]
    public void Yaml_syntax_error_has_the_file_and_line_from_yamldotnet()
    {
        var broken = _files.Write("broken.yaml", """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: "https://example.com
                accessToken: x
            """);

        var error = ErrorAssert.Single(_files.Load(broken), broken, 4, "");
        Assert.StartsWith("invalid YAML: ", error.Message);
        Assert.DoesNotContain("Idx:", error.Message);
    }

    [Fact]
    public void Unclosed_flow_mapping_at_the_end_of_the_file_is_a_syntax_error()
    {
        var broken = _files.Write("broken.yaml", "clients:\n  a: {\n  b: 1\n");

        var error = ErrorAssert.Single(_files.Load(broken), broken, 2, "");
        Assert.StartsWith("invalid YAML: ", error.Message);
    }

    [Fact]
    public void Anchors_and_aliases_are_expanded_but_not_without_limit()
    {
        var clients = _files.Write("clients.yaml", """
            clients:
              bc-store: &bigcommerce
                platform: bigcommerce
                baseUri: https://example.com
                accessToken: x
              bc-other: *bigcommerce
            """);
        var bomb = _files.Write("bomb.yaml", "routes:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(0, 6).Select(i => $"  b{i}: &b{i} [{string.Join(", ", Enumerable.Repeat(i == 0 ? "*a" : $"*b{i - 1}", 10))}]\n")));

        Assert.Equal(["bc-other", "bc-store"], _files.Load(clients).Integration!.Clients.Keys.Order());
        var error = Assert.Single(_files.Load(bomb).Errors);
        Assert.Contains("aliases expand to more than", error.Message);
    }

    [Fact]
    public void Syntax_error_in_one_file_does_not_make_its_names_look_undefined_elsewhere()
    {
        var broken = _files.Write("clients.yaml", "clients:\n  bc-store: [\n");
        var flows = _files.Write("flows.yaml", SampleFiles.Flows);

        var result = _files.Load(broken, flows);

        Assert.Equal([broken], result.Errors.Select(e => e.Location.File));
    }

    [Fact]
    public void Unknown_top_level_key_lists_the_sections()
    {
        var file = _files.Write("clients.yaml", SampleFiles.Clients + "\nclient:\n  other: {}\n");

        var error = ErrorAssert.Single(_files.Load(file), file, 13, "client");
        Assert.Equal("unknown key 'client'; allowed: clients, incoming, outgoing, routes", error.Message);
    }

    [Fact]
    public void File_that_is_not_a_mapping_is_an_error()
    {
        var file = _files.Write("list.yaml", "- clients\n- routes\n");

        ErrorAssert.Single(_files.Load(file), file, 1, "");
    }

    [Fact]
    public void Directory_without_yaml_files_is_an_error()
    {
        var directory = Path.Combine(_files.Root, "empty");
        Directory.CreateDirectory(directory);

        var error = Assert.Single(_files.Load(directory).Errors);

        Assert.Equal(directory, error.Location.File);
    }

    [Fact]
    public void A_file_given_twice_is_read_once()
    {
        var clients = _files.WriteClients();

        var result = _files.Load(clients, _files.Root);

        Assert.Empty(result.Errors);
    }
}
