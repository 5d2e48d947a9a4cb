using System.Text.Json;
using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class MapTransformerTests
{
    [Fact]
    public void Builds_a_new_entity_with_only_the_mapped_keys()
    {
        var map = Create("map", """{ "sku": "code", "title": "name" }""");

        var result = map.Apply("""{ "code": "A-1", "name": "Shoe", "internal": true }""");

        AssertJson("""{ "sku": "A-1", "title": "Shoe" }""", result);
    }

    [Fact]
    public void Dotted_targets_create_nested_objects()
    {
        var map = Create("map", """{ "payload.name": "name", "payload.price.amount": "price", "path.id": "id" }""");

        var result = map.Apply("""{ "id": 7, "name": "Shoe", "price": 19.99 }""");

        AssertJson("""{ "payload": { "name": "Shoe", "price": { "amount": 19.99 } }, "path": { "id": 7 } }""", result);
    }

    [Fact]
    public void Sources_read_nested_paths_and_array_indexes()
    {
        var map = Create("map", """{ "first": "items[0].sku", "last": "items[-1].sku", "city": "address.city" }""");

        var result = map.Apply("""{ "items": [ { "sku": "a" }, { "sku": "b" } ], "address": { "city": "Oslo" } }""");

        AssertJson("""{ "first": "a", "last": "b", "city": "Oslo" }""", result);
    }

    [Fact]
    public void Sources_may_be_JMESPath_expressions()
    {
        var map = Create("map", """
            { "skus": "items[*].sku", "count": "length(items)", "cheap": "items[?price < `10`].sku | [0]" }
            """);

        var result = map.Apply("""{ "items": [ { "sku": "a", "price": 20 }, { "sku": "b", "price": 5 } ] }""");

        AssertJson("""{ "skus": ["a", "b"], "count": 2, "cheap": "b" }""", result);
    }

    [Fact]
    public void A_source_yielding_nothing_leaves_the_target_absent()
    {
        var map = Create("map", """{ "a": "missing", "b": "nullValue", "c": "deep.missing.path", "d": "items[5]", "e": "name" }""");

        var result = map.Apply("""{ "nullValue": null, "items": [], "name": "x" }""");

        AssertJson("""{ "e": "x" }""", result);
    }

    [Fact]
    public void Json_types_are_preserved()
    {
        var map = Create("map", """{ "i": "i", "d": "d", "b": "b", "o": "o", "a": "a", "s": "s", "viaJmes": "[i, d, b, s]" }""");

        var result = map.Apply("""{ "i": 42, "d": 19.90, "b": false, "o": { "x": [1] }, "a": [1, "2"], "s": "2024-01-01T00:00:00Z" }""");

        Assert.Equal(JsonValueKind.Number, result["i"]!.GetValueKind());
        Assert.Equal(42L, result["i"]!.GetValue<long>());
        Assert.Equal("19.90", result["d"]!.ToJsonString());
        Assert.Equal(JsonValueKind.False, result["b"]!.GetValueKind());
        AssertJson("""{ "x": [1] }""", result["o"]);
        AssertJson("""[1, "2"]""", result["a"]);
        // A date-like string stays a string even when it went through JMESPath.
        Assert.Equal("""[42,19.90,false,"2024-01-01T00:00:00Z"]""", result["viaJmes"]!.ToJsonString());
    }

    [Fact]
    public void Numbers_from_JMESPath_read_like_numbers_of_parsed_entities()
    {
        var map = Create("map", """{ "count": "length(items)", "text": "join(' ', items)" }""");

        var result = map.Apply("""{ "items": ["say \"hi\"", "ünï\\"] }""");

        Assert.Equal(2L, result["count"]!.GetValue<long>());
        Assert.Equal(2.0, result["count"]!.GetValue<double>());
        Assert.Equal("say \"hi\" ünï\\", result["text"]!.GetValue<string>());
    }

    [Fact]
    public void Does_not_mutate_the_input()
    {
        var map = Create("map", """{ "x.y": "o", "z": "length(a)" }""");
        var entity = Entity("""{ "o": { "k": 1 }, "a": [1, 2] }""");
        var before = entity.ToJsonString();

        var result = map.Apply(entity).Entity!;
        result["x"]!["y"]!["k"] = 2;

        Assert.Equal(before, entity.ToJsonString());
    }

    [Theory]
    [InlineData("[]", "map expects an object of 'target: source' pairs, got a list")]
    [InlineData("\"name\"", "map expects an object of 'target: source' pairs, got the string \"name\"")]
    [InlineData("{}", "map has no 'target: source' pairs")]
    [InlineData("""{ "a": 5 }""", "map 'a': the source must be a path or JMESPath expression (a string), got the number 5")]
    [InlineData("""{ "a..b": "x" }""", "target path 'a..b' is not valid: it must be keys separated by dots, none of them empty")]
    public void Rejects_bad_arguments(string argumentsJson, string expectedProblem)
    {
        Assert.Equal([expectedProblem], Factory.Validate(Config("map", argumentsJson)));
        var error = Assert.Throws<TransformerConfigException>(() => Create("map", argumentsJson));
        Assert.Equal(expectedProblem, error.Message);
    }

    [Fact]
    public void Reports_every_invalid_expression()
    {
        var problems = Factory.Validate(Config("map", """{ "a": "foo(", "b": "ok", "c": "nofunc(x)" }""")).ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("expression 'foo(' is not valid JMESPath: ", problems[0]);
        Assert.StartsWith("expression 'nofunc(x)' is not valid JMESPath: ", problems[1]);
    }
}
