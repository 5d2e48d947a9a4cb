using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>switchboard transform</c> and transformer mistakes in <c>validate</c>, run as a user runs them.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class TransformCommandTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    private const string Clients = """
        clients:
          bc-store:
            platform: bigcommerce
            baseUri: https://api.bigcommerce.com/stores/abc
            accessToken: token
          ecwid-store:
            platform: ecwid
            baseUri: https://app.ecwid.com/api/v3
            storeId: "1003"
            auth: { type: token, accessToken: secret_token }
        incoming:
          bc-products:
            client: bc-store
            entity: catalog/products
        outgoing:
          ecwid-products:
            client: ecwid-store
            entity: products
            method: POST
        routes:
          products-to-ecwid:
            from: bc-products
            to: ecwid-products
            transformers:

        """;

    private static async Task<(int Exit, string StdOut, string StdErr)> RunAsync(params string[] args) =>
        await ServiceProcess.RunAsync(Switchboard, args, cancellationToken: TestContext.Current.CancellationToken);

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Transform_prints_each_output_its_skip_reason_or_its_error()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-transform-").FullName;
        var integration = Write(folder, "integration.yaml", Clients + """
                  - filter: { path: is_visible, equals: true }
                  - branches: { each: variants, key: sku, parent: product }
                  - map:
                      payload.sku: sku
                      payload.name: { from: product.name, mappers: [ trim, upper ] }
                      payload.price: { from: price_cents, mappers: [ { cast: cents-to-decimal } ] }
            """);
        var input = Write(folder, "products.json", """
            [
              { "id": 1, "name": " Shoe ", "is_visible": true,
                "variants": [ { "sku": "S-1", "price_cents": 1999 }, { "sku": "S-2", "price_cents": "n/a" } ] },
              { "id": 2, "name": "Hidden", "is_visible": false }
            ]
            """);

        var (exit, stdout, stderr) = await RunAsync("transform", "products-to-ecwid", integration, "--input", input, "--json");

        Assert.True(exit == 1, stdout + stderr);
        var outputs = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(["S-1", "S-2", "2"], outputs.Select(o => o!["key"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "payload": { "sku": "S-1", "name": "SHOE", "price": 19.99 } }"""), outputs[0]!["entity"]),
            outputs[0]!.ToJsonString());
        Assert.Equal("route products-to-ecwid, transformer #3 (map), entity S-2: map 'payload.price': mapper #1 (cast): \"n/a\" is not a number",
            outputs[1]!["failed"]!.GetValue<string>());
        Assert.Equal("filtered out by transformer #1: is_visible equals true", outputs[2]!["skipped"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transform_of_one_entity_prints_it_and_exits_0()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-transform-").FullName;
        var integration = Write(folder, "integration.yaml", Clients + """
                  - set: { payload.slug: { value: "{{name}}", mappers: [ slug ] } }
            """);
        var input = Write(folder, "product.json", """{ "id": 7, "name": "Café Crème" }""");

        var (exit, stdout, stderr) = await RunAsync("transform", "products-to-ecwid", integration, "--input", input);

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("7:", stdout);
        Assert.Contains("\"slug\": \"cafe-creme\"", stdout);
        Assert.Contains("1 to publish, 0 skipped, 0 failed", stderr);
    }

    [Fact]
    public async Task Transform_names_an_unknown_route_and_a_bad_input()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-transform-").FullName;
        var integration = Write(folder, "integration.yaml", Clients + "      - remove: [secret]\n");
        var input = Write(folder, "input.json", "[1, 2]");

        var unknownRoute = await RunAsync("transform", "products", integration, "--input", input);
        var badInput = await RunAsync("transform", "products-to-ecwid", integration, "--input", input);

        Assert.Equal(1, unknownRoute.Exit);
        Assert.Contains("unknown route 'products'; routes: products-to-ecwid", unknownRoute.StdErr);
        Assert.Equal(1, badInput.Exit);
        Assert.Contains($"{input}: expected an entity (a JSON object) or a list of them", badInput.StdErr);
    }

    [Fact]
    public async Task Transform_without_files_reads_the_integration_files_of_the_current_folder()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-transform-").FullName;
        Write(folder, "integration.yaml", Clients + "      - map: { payload.name: name }\n");
        Write(folder, "product.json", """{ "id": 7, "name": "Shoe" }""");

        var (exit, stdout, stderr) = await ServiceProcess.RunAsync(Switchboard, ["transform", "products-to-ecwid", "--input", "product.json", "--json"],
            cancellationToken: TestContext.Current.CancellationToken, workingDirectory: folder);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal("Shoe", JsonNode.Parse(stdout)![0]!["entity"]!["payload"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transform_with_state_looks_up_the_key_mappings_runs_stored_there()
    {
        await using var harness = await PipelineHarness.StartAsync(bigCommerceProducts: 20);
        var file = harness.WriteIntegration("""
            incoming:
              bc-categories: { client: bc-store, entity: catalog/categories }
              bc-products: { client: bc-store, entity: catalog/products }
            outgoing:
              ecwid-categories: { client: ecwid-store, entity: categories, method: POST }
              ecwid-products: { client: ecwid-store, entity: products, method: POST }
            routes:
              categories-to-ecwid:
                from: bc-categories
                to: ecwid-categories
                transformers:
                  - map: { payload.name: name }
              products-to-ecwid:
                from: bc-products
                to: ecwid-products
                transformers:
                  - lookup: { route: categories-to-ecwid, key: categories, into: payload.categoryIds, mappers: [ { cast: number } ] }
            """);
        var categories = await harness.RunAsync(file, "inmemory", "bc-categories");
        Assert.True(categories.Succeeded, string.Join("\n", categories.RunErrors.Concat(categories.Errors)));
        var source = harness.Sandbox.BigCommerce.Categories.All[1];
        var target = harness.Sandbox.Ecwid.Categories.All.Single(c => c["name"]!.ToString() == source["name"]!.ToString())["id"]!.GetValue<long>();
        var input = Write(harness.Folder, "product.json", $$"""{ "id": 7, "categories": [{{source["id"]}}] }""");
        string[] transform = ["transform", "products-to-ecwid", file, "--input", input, "--json"];

        var (exit, stdout, stderr) = await RunAsync([.. transform, "--state", harness.StateFolder]);
        var elsewhere = await RunAsync([.. transform, "--state", Path.Combine(harness.Folder, "no-state")]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal([target], JsonNode.Parse(stdout)![0]!["entity"]!["payload"]!["categoryIds"]!.AsArray().Select(i => i!.GetValue<long>()));
        Assert.Equal(1, elsewhere.Exit);
        Assert.Contains($"no key mapping on route 'categories-to-ecwid' for '{source["id"]}'", JsonNode.Parse(elsewhere.StdOut)![0]!["failed"]!.GetValue<string>());
        Assert.Equal(0, harness.Sandbox.Ecwid.Products.Count);
    }

    [Fact]
    public async Task Validate_reports_transformer_mistakes_with_file_line_and_key()
    {
        var folder = Directory.CreateTempSubdirectory("switchboard-transform-").FullName;
        var integration = Write(folder, "integration.yaml", Clients + """
                  - map:
                      payload.price: { from: price, mappers: [ { cast: float } ] }
                  - condition:
                      - if: { path: a }
                        then: [ { set: { x: 1 } } ]
                  - script: "entity.x = ;"
            """);

        var (exit, stdout, stderr) = await RunAsync("validate", integration);

        Assert.Equal(1, exit);
        var output = stdout + stderr;
        var lines = File.ReadAllLines(integration);
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text)) + 1;
        Assert.Contains($"{integration}:{LineOf("- map:")}: routes.products-to-ecwid.transformers[0]: map 'payload.price': mapper #1 (cast): expects one of number, integer, string, bool, cents-to-decimal, decimal-to-cents, got the string \"float\"", output);
        Assert.Contains($"{integration}:{LineOf("- condition:")}: routes.products-to-ecwid.transformers[1]: condition branch #1 if: no operator; add one of equals, notEquals, in, exists", output);
        Assert.Contains($"{integration}:{LineOf("- script:")}: routes.products-to-ecwid.transformers[2]: script: not valid JavaScript: ", output);
    }
}
