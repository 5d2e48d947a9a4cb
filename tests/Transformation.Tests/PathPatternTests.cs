using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

/// <summary>Path patterns (<c>items.*.sku</c> → <c>skus.$1</c>) in map, copy, move, set, remove.</summary>
public class PathPatternTests
{
    private const string Order = """
        { "id": 5, "items": [ { "sku": "a", "qty": 1, "internal": 1 }, { "sku": "b", "qty": 2, "internal": 2 } ],
          "totals": { "net": 10, "tax": 2 } }
        """;

    [Fact]
    public void Map_copies_every_match_into_a_list_by_index()
    {
        var map = Create("map", """{ "skus.$1": "items.*.sku" }""");

        AssertJson("""{ "skus": ["a", "b"] }""", map.Apply(Order));
    }

    [Fact]
    public void Map_keeps_structure_and_object_keys()
    {
        var map = Create("map", """{ "lines.$1.code": "items.*.sku", "lines.$1.quantity": "items.*.qty", "amounts.$1_cents": "totals.*" }""");

        AssertJson("""
            { "lines": [ { "code": "a", "quantity": 1 }, { "code": "b", "quantity": 2 } ], "amounts": { "net_cents": 10, "tax_cents": 2 } }
            """, map.Apply(Order));
    }

    [Fact]
    public void Mappers_run_on_each_match()
    {
        var map = Create("map", """{ "skus.$1": { "from": "items.*.sku", "mappers": [ "upper" ] } }""");

        AssertJson("""{ "skus": ["A", "B"] }""", map.Apply(Order));
    }

    [Fact]
    public void Copy_adds_to_the_entity_and_move_also_removes_the_sources()
    {
        var copy = Create("copy", """{ "skus.$1": "items.*.sku", "total": "totals.net" }""").Apply(Order);
        var move = Create("move", """{ "skus.$1": "items.*.sku", "total": "totals.net" }""").Apply(Order);

        AssertJson("""["a", "b"]""", copy["skus"]);
        AssertJson("""{ "sku": "a", "qty": 1, "internal": 1 }""", copy["items"]![0]);
        Assert.Equal(10, copy["total"]!.GetValue<int>());
        AssertJson("""{ "id": 5, "items": [ { "qty": 1, "internal": 1 }, { "qty": 2, "internal": 2 } ], "totals": { "tax": 2 }, "skus": ["a", "b"], "total": 10 }""", move);
    }

    [Fact]
    public void Move_renames_a_key_into_another_object()
    {
        var move = Create("move", """{ "payload.title": "name" }""");

        AssertJson("""{ "id": 1, "payload": { "title": "Shoe" } }""", move.Apply("""{ "id": 1, "name": "Shoe" }"""));
    }

    [Fact]
    public void Move_from_a_list_element_removes_it_there()
    {
        var move = Create("move", """{ "first": "items[0].sku" }""");

        AssertJson("""{ "items": [ { "qty": 1 }, { "sku": "b" } ], "first": "a" }""", move.Apply("""{ "items": [ { "sku": "a", "qty": 1 }, { "sku": "b" } ] }"""));
    }

    [Fact]
    public void Set_and_remove_apply_to_every_match()
    {
        var set = Create("set", """{ "items.*.enabled": true }""").Apply(Order);
        var remove = Create("remove", """["items.*.internal", "totals.*"]""").Apply(Order);

        AssertJson("""[ { "sku": "a", "qty": 1, "internal": 1, "enabled": true }, { "sku": "b", "qty": 2, "internal": 2, "enabled": true } ]""", set["items"]);
        AssertJson("""{ "id": 5, "items": [ { "sku": "a", "qty": 1 }, { "sku": "b", "qty": 2 } ], "totals": {} }""", remove);
    }

    [Fact]
    public void Nested_wildcards_capture_each_level()
    {
        var map = Create("map", """{ "grid.$1.$2": "rows.*.cells.*.v" }""");

        var result = map.Apply("""{ "rows": [ { "cells": [ { "v": 1 }, { "v": 2 } ] }, { "cells": [ { "v": 3 } ] } ] }""");

        AssertJson("""{ "grid": [ [1, 2], [3] ] }""", result);
    }

    [Theory]
    [InlineData("map", """{ "skus.$2": "items.*.sku" }""", "map 'skus.$2': the target uses $2 but the source 'items.*.sku' has 1 wildcard(s) (*)")]
    [InlineData("map", """{ "skus.$0": "items.*.sku" }""", "target path 'skus.$0': wildcard references count from $1")]
    [InlineData("copy", """{ "x.$1": "items..sku" }""", "copy 'x.$1': path 'items..sku' is not valid: it must be keys or * separated by dots, none of them empty")]
    [InlineData("move", """{ "n": "length(items)" }""", "move 'n': the source 'length(items)' must be a path (a JMESPath expression cannot be moved; use copy and remove)")]
    [InlineData("copy", """{ "n": { "from": 1 } }""", "copy 'n': 'from' must be a path or JMESPath expression (a string), got the number 1")]
    [InlineData("copy", """{ "n": { "from": "a", "map": [] } }""", "copy 'n': unknown key 'map'; expected from, mappers, default")]
    [InlineData("copy", "[]", "copy expects an object of 'target: source' pairs, got a list")]
    public void Bad_patterns_are_configuration_errors(string kind, string arguments, string expected)
    {
        Assert.Equal([expected], Factory.Validate(Config(kind, arguments)));
    }

    [Fact]
    public void A_source_default_fills_a_missing_value()
    {
        var map = Create("map", """{ "price": { "from": "price", "default": 0 }, "name": { "from": "name", "mappers": ["trim"], "default": "unnamed" } }""");

        AssertJson("""{ "price": 0, "name": "unnamed" }""", map.Apply("""{ "name": null }"""));
    }

    [Theory]
    [InlineData("copy", """{ "price": { "from": "price", "mappers": [ { "cast": "number" } ] } }""", """{ "price": "n/a" }""",
        "copy 'price': mapper #1 (cast): \"n/a\" is not a number")]
    [InlineData("copy", """{ "name.first": "sku" }""", """{ "name": "Shoe", "sku": "A" }""", "cannot set 'name.first': 'name' is a string, not an object")]
    [InlineData("move", """{ "payload.qty": { "from": "qty", "mappers": [ { "divide": "packs" } ] } }""", """{ "qty": 4, "packs": 0 }""",
        "move 'payload.qty': mapper #1 (divide): cannot divide 4 by zero ('packs' is 0)")]
    [InlineData("move", """{ "payload.sku": "sku" }""", """{ "payload": [1], "sku": "A" }""", "cannot set 'payload.sku': 'payload' is a list, and 'sku' is not an index of it")]
    public void Copy_and_move_fail_naming_the_pair_and_change_nothing(string kind, string arguments, string entity, string expected)
    {
        var step = Create(kind, arguments);
        var input = Entity(entity);
        var before = input.ToJsonString();

        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => step.Apply(input)).Message);
        Assert.Equal(before, input.ToJsonString());
    }
}
