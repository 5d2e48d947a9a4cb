using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class FilterTransformerTests
{
    [Theory]
    [InlineData("price > `0`", """{ "price": 5 }""", true)]
    [InlineData("price > `0`", """{ "price": 0 }""", false)]
    [InlineData("enabled", """{ "enabled": true }""", true)]
    [InlineData("enabled", """{ "enabled": false }""", false)]
    [InlineData("enabled", """{ }""", false)]
    [InlineData("name", """{ "name": "" }""", false)]
    [InlineData("name", """{ "name": "x" }""", true)]
    [InlineData("tags", """{ "tags": [] }""", false)]
    [InlineData("tags", """{ "tags": [1] }""", true)]
    [InlineData("meta", """{ "meta": {} }""", false)]
    [InlineData("meta", """{ "meta": { "a": 1 } }""", true)]
    [InlineData("stock", """{ "stock": 0 }""", true)]
    [InlineData("status == 'active' && length(items) > `0`", """{ "status": "active", "items": [1] }""", true)]
    [InlineData("status == 'active' && length(items) > `0`", """{ "status": "active", "items": [] }""", false)]
    [InlineData("items[?price > `10`]", """{ "items": [ { "price": 5 } ] }""", false)]
    [InlineData("items[?price > `10`]", """{ "items": [ { "price": 15 } ] }""", true)]
    [InlineData("items[*].sku", """{ "items": [] }""", false)]
    public void Expressions_follow_JMESPath_truthiness(string condition, string entityJson, bool kept)
    {
        var filter = Create("filter", System.Text.Json.JsonSerializer.Serialize(condition));

        Assert.Equal(kept, !filter.Apply(Entity(entityJson)).Skipped);
    }

    [Fact]
    public void A_skip_names_the_transformer_and_its_condition()
    {
        var filter = Create("filter", "\"price > `0`\"", position: 2);

        var result = filter.Apply(Entity("""{ "price": 0 }"""));

        Assert.True(result.Skipped);
        Assert.Null(result.Entity);
        Assert.Equal("filtered out by transformer #3: price > `0`", result.SkipReason);
    }

    [Theory]
    [InlineData("""{ "path": "status", "equals": "active" }""", """{ "status": "active" }""", true)]
    [InlineData("""{ "path": "status", "equals": "active" }""", """{ "status": "draft" }""", false)]
    [InlineData("""{ "path": "price", "equals": 10 }""", """{ "price": 10.0 }""", true)]
    [InlineData("""{ "path": "id", "equals": "5" }""", """{ "id": 5 }""", false)]
    [InlineData("""{ "path": "meta", "equals": { "a": [1] } }""", """{ "meta": { "a": [1] } }""", true)]
    [InlineData("""{ "path": "missing", "equals": null }""", """{ }""", true)]
    [InlineData("""{ "path": "status", "notEquals": "deleted" }""", """{ "status": "active" }""", true)]
    [InlineData("""{ "path": "status", "notEquals": "deleted" }""", """{ "status": "deleted" }""", false)]
    [InlineData("""{ "path": "status", "notEquals": "deleted" }""", """{ }""", true)]
    [InlineData("""{ "path": "type", "in": ["simple", "variant"] }""", """{ "type": "variant" }""", true)]
    [InlineData("""{ "path": "type", "in": ["simple", "variant"] }""", """{ "type": "bundle" }""", false)]
    [InlineData("""{ "path": "items[0].qty", "in": [1, 2] }""", """{ "items": [ { "qty": 2 } ] }""", true)]
    [InlineData("""{ "path": "sku", "exists": true }""", """{ "sku": "a" }""", true)]
    [InlineData("""{ "path": "sku", "exists": true }""", """{ "sku": null }""", false)]
    [InlineData("""{ "path": "sku", "exists": false }""", """{ }""", true)]
    [InlineData("""{ "path": "sku", "exists": false }""", """{ "sku": "" }""", false)]
    [InlineData("""{ "path": "length(items)", "equals": 2 }""", """{ "items": [1, 2] }""", true)]
    public void Comparison_conditions(string condition, string entityJson, bool kept)
    {
        var filter = Create("filter", condition);

        Assert.Equal(kept, !filter.Apply(Entity(entityJson)).Skipped);
    }

    [Theory]
    [InlineData("""{ "path": "status", "equals": "active" }""", "filtered out by transformer #1: status equals \"active\"")]
    [InlineData("""{ "path": "status", "notEquals": "draft" }""", "filtered out by transformer #1: status notEquals \"draft\"")]
    [InlineData("""{ "path": "status", "in": ["a", "b"] }""", "filtered out by transformer #1: status in [\"a\",\"b\"]")]
    [InlineData("""{ "path": "status", "exists": false }""", "filtered out by transformer #1: status does not exist")]
    public void Comparison_skip_reasons_describe_the_condition(string condition, string expectedReason)
    {
        var result = Create("filter", condition).Apply(Entity("""{ "status": "draft" }"""));

        Assert.Equal(expectedReason, result.SkipReason);
    }

    [Fact]
    public void A_kept_entity_is_a_copy()
    {
        var entity = Entity("""{ "price": 1 }""");

        var result = Create("filter", "\"price\"").Apply(entity);

        Assert.NotSame(entity, result.Entity);
        AssertJson("""{ "price": 1 }""", result.Entity);
    }

    [Theory]
    [InlineData("""{ "path": "status" }""", "filter: no operator; add one of equals, notEquals, in, exists")]
    [InlineData("""{ "path": "status", "equals": 1, "in": [1] }""", "filter: use only one operator, got equals, in")]
    [InlineData("""{ "equals": 1 }""", "filter: 'path' must be a path or JMESPath expression (a string), got nothing")]
    [InlineData("""{ "path": "a", "in": "x" }""", "filter: 'in' expects a list of values, got the string \"x\"")]
    [InlineData("""{ "path": "a", "exists": "yes" }""", "filter: 'exists' expects true or false, got the string \"yes\"")]
    [InlineData("""{ "path": "a", "equal": 1 }""", "filter: unknown key 'equal'; expected path and one of equals, notEquals, in, exists")]
    [InlineData("5", "filter expects a JMESPath expression or an object { path, equals | notEquals | in | exists }, got the number 5")]
    public void Rejects_bad_conditions(string argumentsJson, string expectedProblem)
    {
        Assert.Contains(expectedProblem, Factory.Validate(Config("filter", argumentsJson)));
        var error = Assert.Throws<TransformerConfigException>(() => Create("filter", argumentsJson));
        Assert.Contains(expectedProblem, error.Problems);
    }

    [Fact]
    public void Rejects_an_invalid_expression()
    {
        var problem = Assert.Single(Factory.Validate(Config("filter", "\"price > \"")));

        Assert.StartsWith("expression 'price >' is not valid JMESPath: ", problem);
    }
}
