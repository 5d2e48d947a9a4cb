using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class BranchesTransformerTests
{
    private const string Product = """
        { "id": 111, "name": "Shoe", "variants": [ { "id": 7, "sku": "S-RED", "price": 10 }, { "id": 8, "sku": "S-BLUE", "price": 0 } ] }
        """;

    private static RoutePipeline Pipeline(params (string Kind, string Arguments)[] steps) =>
        new("variants", steps.Select((s, i) => Config(s.Kind, s.Arguments, i)).ToList(), Factory);

    [Fact]
    public void Each_item_becomes_an_entity_the_following_steps_run_on()
    {
        var pipeline = Pipeline(
            ("branches", """{ "each": "variants", "parent": "product" }"""),
            ("map", """{ "payload.sku": "sku", "payload.name": "product.name", "payload.price": "price" }"""));

        var outputs = pipeline.Run(Entity(Product), "111");

        Assert.Equal(["111#1", "111#2"], outputs.Select(o => o.Key));
        AssertJson("""{ "payload": { "sku": "S-RED", "name": "Shoe", "price": 10 } }""", outputs[0].Entity);
        AssertJson("""{ "payload": { "sku": "S-BLUE", "name": "Shoe", "price": 0 } }""", outputs[1].Entity);
    }

    [Fact]
    public void The_parent_is_the_source_entity_without_the_list()
    {
        var outputs = Pipeline(("branches", """{ "each": "variants", "parent": "product" }""")).Run(Entity(Product), "111");

        AssertJson("""{ "id": 111, "name": "Shoe" }""", outputs[0].Entity!["product"]);
    }

    [Fact]
    public void A_key_path_names_each_output_and_later_skips_and_failures_stay_with_their_output()
    {
        var pipeline = Pipeline(
            ("branches", """{ "each": "variants", "key": "sku" }"""),
            ("filter", "\"price > `0`\""));

        var outputs = pipeline.Run(Entity(Product), "111");

        Assert.Equal(["S-RED", "S-BLUE"], outputs.Select(o => o.Key));
        Assert.False(outputs[0].Skipped);
        Assert.Equal("filtered out by transformer #2: price > `0`", outputs[1].SkipReason);
    }

    [Fact]
    public void A_failing_step_fails_only_that_output()
    {
        var pipeline = Pipeline(
            ("branches", """{ "each": "variants" }"""),
            ("map", """{ "cents": { "from": "price", "mappers": [ { "divide": "price" } ] } }"""));

        var outputs = pipeline.Run(Entity(Product), "111");

        Assert.False(outputs[0].Failed);
        Assert.Equal("route variants, transformer #2 (map), entity 111#2: map 'cents': mapper #1 (divide): cannot divide 0 by zero ('price' is 0)", outputs[1].Error!.Message);
    }

    [Fact]
    public void Items_that_are_not_objects_are_wrapped_and_an_empty_list_skips()
    {
        var tags = Pipeline(("branches", """{ "each": "tags" }""")).Run(Entity("""{ "tags": ["a", "b"] }"""), "1");
        var none = Pipeline(("branches", """{ "each": "variants" }""")).Run(Entity("""{ "variants": [] }"""), "1");

        AssertJson("""{ "value": "b" }""", tags[1].Entity);
        Assert.Equal("no branches from transformer #1: 'variants' has no items", Assert.Single(none).SkipReason);
    }

    [Fact]
    public void A_value_that_is_not_a_list_fails()
    {
        var output = Assert.Single(Pipeline(("branches", """{ "each": "name" }""")).Run(Entity(Product), "111"));

        Assert.Equal("route variants, transformer #1 (branches), entity 111: 'name' is \"Shoe\", not a list", output.Error!.Message);
    }

    [Fact]
    public void Apply_returns_the_branches_with_their_full_keys()
    {
        var result = Pipeline(("branches", """{ "each": "variants" }""")).Apply(Entity(Product), "111");

        Assert.Equal(["111#1", "111#2"], result.Branches!.Select(b => b.Key));
        Assert.False(result.Skipped);
    }

    [Fact]
    public void Branches_inside_a_condition_split_too()
    {
        var pipeline = Pipeline(
            ("condition", """[ { "if": "variants", "then": [ { "branches": { "each": "variants" } }, { "set": { "split": true } } ] } ]"""),
            ("remove", "\"price\""));

        var outputs = pipeline.Run(Entity(Product), "111");

        Assert.Equal(["111#1", "111#2"], outputs.Select(o => o.Key));
        AssertJson("""{ "id": 8, "sku": "S-BLUE", "split": true }""", outputs[1].Entity);
    }

    [Theory]
    [InlineData("{}", "branches: 'each' is missing: the path of the list whose items become the entities")]
    [InlineData("""{ "each": "variants", "as": "v" }""", "branches: unknown key 'as'; expected each, key, parent")]
    [InlineData("""{ "each": 5 }""", "branches: 'each' must be a text, got the number 5")]
    [InlineData("\"variants\"", "branches expects { each, key, parent }, got the string \"variants\"")]
    public void Bad_arguments_are_configuration_errors(string arguments, string expected)
    {
        Assert.Equal([expected], Factory.Validate(Config("branches", arguments)));
    }
}
