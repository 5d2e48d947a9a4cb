using System.Text.Json;
using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class SetTransformerTests
{
    [Fact]
    public void Sets_constants_of_any_JSON_type_and_keeps_other_keys()
    {
        var set = Create("set", """
            { "count": 3, "ratio": 0.5, "active": true, "tags": ["a"], "meta": { "source": "cscart" }, "nothing": null, "status": "new" }
            """);

        var result = set.Apply("""{ "id": 1, "status": "old" }""");

        AssertJson("""
            { "id": 1, "status": "new", "count": 3, "ratio": 0.5, "active": true, "tags": ["a"], "meta": { "source": "cscart" }, "nothing": null }
            """, result);
    }

    [Fact]
    public void Dotted_targets_create_or_extend_nested_objects()
    {
        var set = Create("set", """{ "payload.visible": true, "payload.meta.origin": "cscart" }""");

        var result = set.Apply("""{ "payload": { "name": "Shoe" } }""");

        AssertJson("""{ "payload": { "name": "Shoe", "visible": true, "meta": { "origin": "cscart" } } }""", result);
    }

    [Fact]
    public void A_template_that_is_one_placeholder_keeps_the_value_type()
    {
        var set = Create("set", """{ "price": "{{ product.price }}", "variant": "{{variants[0]}}", "active": "{{enabled}}" }""");

        var result = set.Apply("""{ "product": { "price": 19.5 }, "variants": [ { "sku": "a" } ], "enabled": false }""");

        Assert.Equal(JsonValueKind.Number, result["price"]!.GetValueKind());
        AssertJson("""{ "sku": "a" }""", result["variant"]);
        Assert.Equal(JsonValueKind.False, result["active"]!.GetValueKind());
    }

    [Fact]
    public void Templates_interpolate_text_and_render_missing_values_empty()
    {
        var set = Create("set", """{ "title": "{{name}} ({{code}}) x{{qty}} {{missing}}!", "url": "/products/{{id}}" }""");

        var result = set.Apply("""{ "id": 12, "name": "Shoe", "code": "A-1", "qty": 2 }""");

        Assert.Equal("Shoe (A-1) x2 !", result["title"]!.GetValue<string>());
        Assert.Equal("/products/12", result["url"]!.GetValue<string>());
    }

    [Fact]
    public void Templates_may_use_JMESPath_and_read_the_entity_before_this_step()
    {
        var set = Create("set", """{ "name": "renamed", "summary": "{{name}}: {{length(items)}} items", "first": "{{items[0]}}" }""");

        var result = set.Apply("""{ "name": "Order", "items": [ { "sku": "a" }, { "sku": "b" } ] }""");

        Assert.Equal("Order: 2 items", result["summary"]!.GetValue<string>());
        AssertJson("""{ "sku": "a" }""", result["first"]);
    }

    [Fact]
    public void A_single_placeholder_on_a_missing_path_sets_null()
    {
        var set = Create("set", """{ "x": "{{missing}}" }""");

        var result = set.Apply("""{ }""");

        Assert.True(result.ContainsKey("x"));
        Assert.Null(result["x"]);
    }

    [Fact]
    public void Does_not_mutate_the_input_and_constants_are_not_shared_between_entities()
    {
        var set = Create("set", """{ "meta": { "n": 1 }, "copy": "{{o}}" }""");
        var entity = Entity("""{ "o": { "k": 1 } }""");
        var before = entity.ToJsonString();

        var first = set.Apply(entity).Entity!;
        first["meta"]!["n"] = 2;
        first["copy"]!["k"] = 2;
        var second = set.Apply(entity).Entity!;

        Assert.Equal(before, entity.ToJsonString());
        AssertJson("""{ "n": 1 }""", second["meta"]);
    }

    [Fact]
    public void Setting_below_a_value_that_is_not_an_object_fails()
    {
        var set = Create("set", """{ "name.first": "x" }""");

        var error = Assert.Throws<InvalidOperationException>(() => set.Apply(Entity("""{ "name": "Shoe" }""")));

        Assert.Equal("cannot set 'name.first': 'name' is a string, not an object", error.Message);
    }

    [Theory]
    [InlineData("[1]", "set expects an object of 'target: value' pairs, got a list")]
    [InlineData("""{ "a": "{{foo(}}" }""", "expression 'foo(' is not valid JMESPath: ")]
    [InlineData("""{ ".a": 1 }""", "target path '.a' is not valid: ")]
    public void Rejects_bad_arguments(string argumentsJson, string expectedStart)
    {
        var problem = Assert.Single(Factory.Validate(Config("set", argumentsJson)));
        Assert.StartsWith(expectedStart, problem);
        Assert.Throws<TransformerConfigException>(() => Create("set", argumentsJson));
    }
}
