using Switchboard.Configuration;
using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class RoutePipelineTests
{
    private static RoutePipeline Pipeline(params (string Kind, string Arguments)[] steps) =>
        new("products-to-ecwid", steps.Select((s, i) => Config(s.Kind, s.Arguments, i)).ToList(), Factory);

    [Fact]
    public void Applies_steps_in_order()
    {
        var pipeline = Pipeline(
            ("filter", """{ "path": "status", "equals": "active" }"""),
            ("map", """{ "payload.name": "name", "payload.price": "price", "path.id": "id" }"""),
            ("set", """{ "payload.enabled": true, "payload.description": "{{payload.name}} for {{payload.price}}" }"""),
            ("remove", "\"path\""));

        var result = pipeline.Apply(Entity("""{ "id": 111, "name": "Shoe", "price": 20, "status": "active" }"""), "111");

        AssertJson("""{ "payload": { "name": "Shoe", "price": 20, "enabled": true, "description": "Shoe for 20" } }""", result.Entity);
    }

    [Fact]
    public void Stops_at_a_filter_and_reports_why()
    {
        var pipeline = Pipeline(
            ("map", """{ "price": "price" }"""),
            ("set", """{ "checked": true }"""),
            ("filter", "\"price > `0`\""),
            ("set", """{ "never": true }"""));

        var result = pipeline.Apply(Entity("""{ "price": 0 }"""), "7");

        Assert.True(result.Skipped);
        Assert.Equal("filtered out by transformer #3: price > `0`", result.SkipReason);
    }

    [Fact]
    public void A_failing_step_names_route_position_kind_and_entity()
    {
        var pipeline = Pipeline(
            ("set", """{ "x": 1 }"""),
            ("map", """{ "n": "length(price)" }"""));

        var error = Assert.Throws<TransformException>(() => pipeline.Apply(Entity("""{ "id": 111, "price": 5 }"""), "111"));

        Assert.StartsWith("route products-to-ecwid, transformer #2 (map), entity 111: map 'n': expression 'length(price)' failed: ", error.Message);
        Assert.Equal(("products-to-ecwid", 1, "map", "111"), (error.Route, error.Position, error.Kind, error.EntityKey));
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void A_step_with_bad_configuration_fails_each_entity_and_is_listed_in_problems()
    {
        var pipeline = Pipeline(("set", """{ "x": 1 }"""), ("map", """{ "n": "foo(" }"""));

        var error = Assert.Throws<TransformException>(() => pipeline.Apply(Entity("""{ "id": 111 }"""), "111"));

        Assert.StartsWith("route products-to-ecwid, transformer #2 (map), entity 111: expression 'foo(' is not valid JMESPath: ", error.Message);
        Assert.IsType<TransformerConfigException>(error.InnerException);
        Assert.StartsWith("transformer #2 (map): expression 'foo(' is not valid JMESPath", Assert.Single(pipeline.Problems));
    }

    [Fact]
    public void An_unknown_kind_fails_each_entity()
    {
        var pipeline = Pipeline(("frobnicate", "{}"));

        var error = Assert.Throws<TransformException>(() => pipeline.Apply(Entity("{}"), "?"));

        Assert.Equal("route products-to-ecwid, transformer #1 (frobnicate), entity ?: unknown transformer kind 'frobnicate'; known kinds: branches, condition, copy, default, filter, lookup, map, move, remove, rename, script, set", error.Message);
    }

    [Fact]
    public void Does_not_mutate_the_input()
    {
        var pipeline = Pipeline(
            ("set", """{ "meta.seen": true, "name": "changed" }"""),
            ("remove", """["price", "meta.old"]"""));
        var entity = Entity("""{ "name": "Shoe", "price": 5, "meta": { "old": 1 } }""");
        var before = entity.ToJsonString();

        pipeline.Apply(entity, "1");

        Assert.Equal(before, entity.ToJsonString());
    }

    [Fact]
    public void Without_steps_passes_a_copy_through()
    {
        var pipeline = new RoutePipeline("r", [], Factory);
        var entity = Entity("""{ "id": 1 }""");

        var result = pipeline.Apply(entity, "1");

        Assert.NotSame(entity, result.Entity);
        AssertJson("""{ "id": 1 }""", result.Entity);
        Assert.Empty(pipeline.Problems);
    }

    [Fact]
    public void Positions_come_from_the_list_order()
    {
        var steps = new List<TransformerConfig> { Config("filter", "\"enabled\"", position: 0) with { Position = 9 } };

        var result = new RoutePipeline("r", steps, Factory).Apply(Entity("{}"), "1");

        Assert.Equal("filtered out by transformer #1: enabled", result.SkipReason);
    }

    [Fact]
    public void Handles_many_entities_with_JMESPath_steps()
    {
        var pipeline = Pipeline(
            ("filter", "\"length(variants) > `0`\""),
            ("map", """{ "payload.sku": "sku", "payload.prices": "variants[*].price", "payload.name": "name" }"""));
        var entities = Enumerable.Range(0, 5000)
            .Select(i => Entity($$"""{ "sku": "s{{i}}", "name": "n{{i}}", "variants": [ { "price": {{i}}.5 } ] }"""))
            .ToList();

        var results = entities.Select(e => pipeline.Apply(e, e["sku"]!.GetValue<string>())).ToList();

        Assert.All(results, r => Assert.False(r.Skipped));
        AssertJson("""{ "payload": { "sku": "s4999", "prices": [4999.5], "name": "n4999" } }""", results[^1].Entity);
    }

    [Fact]
    public void One_pipeline_can_serve_several_threads()
    {
        var pipeline = Pipeline(
            ("filter", "\"length(variants) > `0`\""),
            ("map", """{ "sku": "sku", "total": "sum(variants[*].price)" }"""));

        var totals = Enumerable.Range(0, 2000).AsParallel()
            .Select(i => pipeline.Apply(Entity($$"""{ "sku": "s{{i}}", "variants": [ { "price": {{i}} }, { "price": 1 } ] }"""), "k").Entity!)
            .ToDictionary(e => e["sku"]!.GetValue<string>(), e => e["total"]!.GetValue<double>());

        Assert.All(Enumerable.Range(0, 2000), i => Assert.Equal(i + 1, totals[$"s{i}"]));
    }
}
