using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class RenameDefaultTransformerTests
{
    [Fact]
    public void Rename_keeps_the_key_in_its_place()
    {
        var rename = Create("rename", """{ "name": "title", "payload.qty": "quantity", "items.*.id": "sku", "missing": "x" }""");

        var result = rename.Apply("""
            { "id": 1, "name": "Shoe", "price": 5, "payload": { "qty": 2, "z": 0 }, "items": [ { "id": "a" }, { "n": 1 } ] }
            """);

        Assert.Equal("""{"id":1,"title":"Shoe","price":5,"payload":{"quantity":2,"z":0},"items":[{"sku":"a"},{"n":1}]}""", result.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "a": "b.c" }""", "rename 'a': the new name must be one key (a text without dots), got the string \"b.c\"; use move to put a value elsewhere")]
    [InlineData("""{ "a.*": "b" }""", "rename 'a.*': the last key must be a name, not *")]
    [InlineData("[]", "rename expects an object of 'path: newKey' pairs, got a list")]
    public void Rename_rejects_bad_arguments(string arguments, string expected)
    {
        Assert.Equal([expected], Factory.Validate(Config("rename", arguments)));
    }

    [Theory]
    [InlineData("""{ "name": "title" }""", """{ "name": "Shoe", "title": "Old" }""",
        "rename 'name' to 'title': 'title' is there already, and rename does not overwrite; remove it first, or use move to replace it")]
    [InlineData("""{ "items.*.qty": "quantity" }""", """{ "items": [ { "qty": 1 }, { "qty": 2, "quantity": 5 } ] }""",
        "rename 'items.*.qty' to 'quantity': 'items.1.quantity' is there already, and rename does not overwrite; remove it first, or use move to replace it")]
    public void Rename_onto_a_key_that_is_there_fails_naming_both(string arguments, string entity, string expected)
    {
        var rename = Create("rename", arguments);
        var input = Entity(entity);

        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => rename.Apply(input)).Message);
    }

    [Fact]
    public void Default_fills_only_missing_or_null_values()
    {
        var fill = Create("default", """{ "stock": 0, "name": "unnamed", "price": 9, "meta.origin": "{{source}}", "items.*.qty": 1 }""");

        var result = fill.Apply("""
            { "source": "bc", "stock": null, "name": "Shoe", "price": 0, "items": [ { "qty": 3 }, { "sku": "x" }, { "qty": null } ] }
            """);

        AssertJson("""
            { "source": "bc", "stock": 0, "name": "Shoe", "price": 0, "meta": { "origin": "bc" },
              "items": [ { "qty": 3 }, { "sku": "x", "qty": 1 }, { "qty": 1 } ] }
            """, result);
    }

    [Fact]
    public void Default_and_set_values_may_run_mappers()
    {
        var set = Create("set", """{ "slug": { "value": "{{name}}", "mappers": [ "slug" ] } }""");
        var fill = Create("default", """{ "code": { "value": "{{name}}", "mappers": [ "upper", { "truncate": 3 } ] } }""");

        Assert.Equal("red-shoe", set.Apply("""{ "name": "Red Shoe" }""")["slug"]!.GetValue<string>());
        Assert.Equal("RED", fill.Apply("""{ "name": "Red Shoe" }""")["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "stock": { "value": "many", "mappers": [ { "cast": "integer" } ] } }""", """{ "sku": "A" }""",
        "default 'stock': mapper #1 (cast): \"many\" is not a number")]
    [InlineData("""{ "name.first": "x" }""", """{ "name": "Shoe" }""", "cannot set 'name.first': 'name' is a string, not an object")]
    public void Default_fails_when_its_value_cannot_be_made_or_written(string arguments, string entity, string expected)
    {
        var fill = Create("default", arguments);
        var input = Entity(entity);

        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => fill.Apply(input)).Message);
    }

    [Theory]
    [InlineData("{}", "default expects an object of 'path: value' pairs, got an object")]
    [InlineData("""{ "a..b": 1 }""", "path 'a..b' is not valid: it must be keys or * separated by dots, none of them empty")]
    [InlineData("""{ "a": { "value": 1, "mappers": [ "nope" ] } }""", "default 'a': mapper #1: unknown value mapper 'nope'; known mappers: ")]
    public void Default_rejects_bad_arguments(string arguments, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Assert.Single(Factory.Validate(Config("default", arguments))));
    }
}
