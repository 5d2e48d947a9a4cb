using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class ConditionTransformerTests
{
    private const string Tiers = """
        [
          { "if": "price > `100`", "then": [ { "set": { "tier": "premium" } } ] },
          { "if": { "path": "price", "exists": true }, "then": [ { "set": { "tier": "standard" } }, { "remove": "internal" } ] },
          { "else": [ { "set": { "tier": "unpriced" } } ] }
        ]
        """;

    [Theory]
    [InlineData("""{ "price": 150, "internal": 1 }""", """{ "price": 150, "internal": 1, "tier": "premium" }""")]
    [InlineData("""{ "price": 20, "internal": 1 }""", """{ "price": 20, "tier": "standard" }""")]
    [InlineData("""{ "internal": 1 }""", """{ "internal": 1, "tier": "unpriced" }""")]
    public void Runs_the_first_branch_whose_condition_is_met_else_the_else(string entity, string expected)
    {
        AssertJson(expected, Create("condition", Tiers).Apply(entity));
    }

    [Fact]
    public void Without_a_matching_branch_or_else_the_entity_passes_unchanged()
    {
        var condition = Create("condition", """[ { "if": { "path": "kind", "equals": "gift" }, "then": [ { "set": { "x": 1 } } ] } ]""");

        AssertJson("""{ "kind": "shoe" }""", condition.Apply("""{ "kind": "shoe" }"""));
    }

    [Fact]
    public void A_filter_inside_a_branch_skips_the_entity_naming_where_it_is()
    {
        var pipeline = new RoutePipeline("r", [
            Config("set", """{ "seen": true }""", 0),
            Config("condition", """[ { "if": "draft", "then": [ { "filter": { "path": "force", "equals": true } } ] } ]""", 1),
        ], Factory);

        var result = pipeline.Apply(Entity("""{ "draft": true }"""), "7");

        Assert.Equal("filtered out by transformer #2, if #1 then step #1: force equals true", result.SkipReason);
    }

    [Fact]
    public void A_filter_inside_else_names_the_else()
    {
        var pipeline = new RoutePipeline("r", [Config("condition", """[ { "if": "a", "then": [] }, { "else": [ { "filter": "b" } ] } ]""", 0)], Factory);

        Assert.Equal("filtered out by transformer #1, else step #1: b", pipeline.Apply(Entity("{}"), "1").SkipReason);
    }

    [Fact]
    public void An_error_inside_a_branch_names_the_route_the_step_and_the_entity()
    {
        var pipeline = new RoutePipeline("products", [
            Config("condition", """[ { "if": "price", "then": [ { "set": { "a": 1 } }, { "map": { "n": "length(price)" } } ] } ]""", 0),
        ], Factory);

        var error = Assert.Throws<TransformException>(() => pipeline.Apply(Entity("""{ "price": 5 }"""), "111"));

        Assert.StartsWith("route products, transformer #1 (condition), entity 111: if #1 then step #2 (map): map 'n': expression 'length(price)' failed", error.Message);
    }

    [Theory]
    [InlineData("{}", "condition expects a list of branches ({ if, then } …, then optionally { else }), got an object")]
    [InlineData("""[ { "if": "a" } ]""", "condition branch #1: 'then' is missing: the steps to run when the condition is met")]
    [InlineData("""[ { "else": [] }, { "if": "a", "then": [] } ]""", "condition branch #1: else must be the last branch")]
    [InlineData("""[ { "if": "a", "then": [], "otherwise": [] } ]""", "condition branch #1: unknown key 'otherwise'; expected if and then")]
    [InlineData("""[ { "if": { "path": "a" }, "then": [] } ]""", "condition branch #1 if: no operator; add one of equals, notEquals, in, exists")]
    [InlineData("""[ { "if": "a", "then": [ { "mapp": {} } ] } ]""", "if #1 then step #1 (mapp): unknown transformer kind 'mapp'; known kinds: ")]
    [InlineData("""[ { "if": "a", "then": [ { "set": 1 } ] } ]""", "if #1 then step #1 (set): set expects an object of 'target: value' pairs, got the number 1")]
    [InlineData("""[ { "if": "a", "then": { "set": {} } } ]""", "if #1 then: expected a list of transformer steps, got an object")]
    [InlineData("""[ "a" ]""", "condition branch #1: expected { if: condition, then: [steps] } or { else: [steps] }, got the string \"a\"")]
    public void Bad_branches_are_configuration_errors(string arguments, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Assert.Single(Factory.Validate(Config("condition", arguments))));
    }
}
