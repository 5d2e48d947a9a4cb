using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The <c>switchboard</c> command line, run as a user runs it.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class CommandLineTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    [Fact]
    public async Task Validate_prints_file_line_and_key_of_every_mistake()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-validate-").FullName;
        var clients = Path.Combine(folder, "clients.yaml");
        var flows = Path.Combine(folder, "flows.yaml");
        await File.WriteAllTextAsync(clients, """
            clients:
              bc-store:
                platform: bigcommerce
                baseUri: https://api.bigcommerce.com/stores/abc
                accessToken: ${SWITCHBOARD_TEST_SURELY_UNSET}
              shop:
                platform: magento
                baseUri: https://example.test
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(flows, """
            incoming:
              products:
                client: bc-store
                entity: catalog/prodcts
                schedule: "every hour"
              orders:
                client: nobody
                entity: orders
            outgoing:
              out:
                client: bc-store
                entity: catalog/products
                method: PATCH
                colour: blue
            routes:
              r:
                from: products
                to: nowhere
              r2:
                from: ghost
                to: out
            """, TestContext.Current.CancellationToken);
        var more = Path.Combine(folder, "more.yaml");
        await File.WriteAllTextAsync(more, """
            outgoing:
              out2:
                client: nobody
                entity: products
                method: POST
            """, TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["validate", folder], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        var output = stdout + stderr;
        Assert.Contains($"{clients}:5: clients.bc-store.accessToken: environment variable SWITCHBOARD_TEST_SURELY_UNSET is not set", output);
        Assert.Contains($"{clients}:7: clients.shop.platform:", output);
        Assert.Contains($"{flows}:4: incoming.products.entity:", output);
        Assert.Contains($"{flows}:5: incoming.products.schedule:", output);
        Assert.Contains($"{flows}:7: incoming.orders.client:", output);
        Assert.Contains($"{flows}:13: outgoing.out.method:", output);
        Assert.Contains($"{flows}:14: outgoing.out.colour:", output);
        Assert.Contains($"{flows}:18: routes.r.to:", output);
        Assert.Contains($"{flows}:20: routes.r2.from:", output);
        Assert.Contains($"{more}:3: outgoing.out2.client:", output);
    }

    [Fact]
    public async Task Validate_names_a_missing_file_without_a_line_number()
    {
        var missing = Path.Combine(Directory.CreateTempSubdirectory("switchboard-validate-").FullName, "nope.yaml");

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["validate", missing], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains($"{missing}: no such file or directory", stderr);
        Assert.DoesNotContain($"{missing}:0", stdout + stderr);
    }

    [Fact]
    public async Task Validate_accepts_the_shipped_example()
    {
        var environment = new Dictionary<string, string>
        {
            ["BIGCOMMERCE_BASE_URI"] = "https://api.bigcommerce.com/stores/abc",
            ["BIGCOMMERCE_ACCESS_TOKEN"] = "token",
            ["ECWID_BASE_URI"] = "https://app.ecwid.com/api/v3",
            ["ECWID_STORE_ID"] = "1003",
            ["ECWID_ACCESS_TOKEN"] = "secret_token",
        };
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["validate", Path.Combine(AppContext.BaseDirectory, "examples", "bigcommerce-to-ecwid.yaml")], environment, TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("valid:", stdout);
    }

    [Fact]
    public async Task Run_with_json_prints_one_summary_object_and_nothing_else()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 60);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["run", file, "--json", "--state", Path.Combine(harness.Folder, "state")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        var summary = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(60, summary["totals"]!["fetched"]!.GetValue<int>());
        Assert.Equal(60, summary["totals"]!["published"]!.GetValue<int>());
        Assert.Equal(0, summary["totals"]!["failed"]!.GetValue<int>());
        Assert.Equal(60, summary["routes"]!["products-to-ecwid"]!["published"]!.GetValue<int>());
        Assert.Equal(60, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task Validate_and_replay_without_files_read_the_integration_files_of_the_current_folder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var refused = harness.Sandbox.BigCommerce.Products.All[3]["sku"]!.ToString();
        harness.Sandbox.Ecwid.Faults.RejectWhen(p => p["sku"]?.ToString() == refused);
        harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var state = Path.Combine(harness.Folder, "state");
        var run = await ServiceProcess.RunAsync(Switchboard, ["run", "--state", state, "--json"], cancellationToken: ct, workingDirectory: harness.Folder);
        Assert.True(run.ExitCode == 1, run.StdOut + run.StdErr);
        Assert.Equal(4, harness.Sandbox.Ecwid.Products.Count);

        var validate = await ServiceProcess.RunAsync(Switchboard, ["validate"], cancellationToken: ct, workingDirectory: harness.Folder);
        harness.Sandbox.Ecwid.Faults.Reset();
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["replay", "--failed", "--state", state, "--json"],
            cancellationToken: ct, workingDirectory: harness.Folder);

        Assert.True(validate.ExitCode == 0, validate.StdOut + validate.StdErr);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(1, JsonNode.Parse(stdout)!["totals"]!["published"]!.GetValue<int>());
        Assert.Contains(harness.Sandbox.Ecwid.Products.All, p => p["sku"]!.ToString() == refused);
    }

    [Fact]
    public async Task A_command_without_files_in_a_folder_without_integration_files_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-empty-").FullName;

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["validate"],
            cancellationToken: TestContext.Current.CancellationToken, workingDirectory: folder);

        Assert.Equal(1, exit);
        Assert.Contains(".: the folder has no .yaml or .yml files", stdout + stderr);
    }

    [Fact]
    public async Task Demo_with_an_example_seeds_the_store_it_reads_and_runs_it_in_one_command()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "cscart-products-to-commercetools.yaml");

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["demo", example, "--products", "20", "--json", "--free-ports"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        var summary = JsonNode.Parse(stdout)!.AsObject();
        // 20 CS-Cart products, of which every tenth is hidden (status H) and not asked for.
        Assert.Equal(18, summary["routes"]!["products-to-commercetools"]!["fetched"]!.GetValue<int>());
        Assert.Equal(18, summary["routes"]!["products-to-commercetools"]!["published"]!.GetValue<int>());
        Assert.Equal(0, summary["totals"]!["failed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Demo_without_a_file_syncs_generated_bigcommerce_products_to_ecwid()
    {
        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard,
            ["demo", "--products", "20", "--free-ports"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("sandbox up: 20 BigCommerce products; running ", stderr);
        Assert.Contains("products-to-ecwid", stdout);
        Assert.Contains("Ecwid sandbox now holds 18 products.", stderr);
    }

    [Fact]
    public async Task A_state_database_a_newer_version_migrated_stops_the_run_naming_the_file()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var state = Path.Combine(harness.Folder, "state");
        var first = await ServiceProcess.RunAsync(Switchboard, ["run", file, "--json", "--state", state], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(first.ExitCode == 0, first.StdOut + first.StdErr);
        var database = Path.Combine(state, "transformer.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var older = connection.CreateCommand();
            older.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromANewerVersion', '11.0.0')";
            Assert.Equal(1, await older.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["run", file, "--state", state], cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit);
        Assert.Contains($"the state database {database} was migrated by a newer version of Switchboard (its migration '29991231000000_FromANewerVersion' is unknown to this one)", stdout + stderr);
        Assert.Equal(5, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task A_state_database_from_before_schemas_were_recorded_stops_the_run_naming_the_file()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 5);
        var file = harness.WriteIntegration(PipelineHarness.ProductsToEcwid);
        var state = Directory.CreateDirectory(Path.Combine(harness.Folder, "state")).FullName;
        var database = Path.Combine(state, "transformer.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var older = connection.CreateCommand();
            older.CommandText = "CREATE TABLE tasks (\"TaskId\" TEXT PRIMARY KEY, \"Status\" TEXT)";
            await older.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["run", file, "--state", state], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains($"error: the state database {database} was made by another version of Switchboard", stderr);
        Assert.DoesNotContain("unexpected error", stdout + stderr);
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }
}
