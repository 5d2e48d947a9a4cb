using System.Text.Json.Nodes;
using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class JsonPathExpressionTests
{
    [Theory]
    [InlineData("id", true)]
    [InlineData("a.b.c", true)]
    [InlineData("items[0].sku", true)]
    [InlineData("items[-1]", true)]
    [InlineData("matrix[0][1]", true)]
    [InlineData("product-id", true)]
    [InlineData("items[*].sku", false)]
    [InlineData("length(items)", false)]
    [InlineData("\"quoted key\"", false)]
    [InlineData("a || b", false)]
    [InlineData("@", false)]
    public void Plain_paths_take_the_fast_path(string text, bool plain)
    {
        Assert.Equal(plain, JsonPathExpression.Parse(text).IsPlainPath);
    }

    [Theory]
    [InlineData("a.b", """{ "a": { "b": 1 } }""", "1")]
    [InlineData("a.b", """{ "a": [ { "b": 1 } ] }""", null)]
    [InlineData("a[0]", """{ "a": { "0": 1 } }""", null)]
    [InlineData("a[1]", """{ "a": [1] }""", null)]
    [InlineData("matrix[1][0]", """{ "matrix": [[1], [2]] }""", "2")]
    [InlineData("product-id", """{ "product-id": "p" }""", "\"p\"")]
    [InlineData("\"quoted key\".x", """{ "quoted key": { "x": true } }""", "true")]
    public void Evaluates_like_JMESPath(string text, string documentJson, string? expectedJson)
    {
        var value = JsonPathExpression.Parse(text).Evaluate(Entity(documentJson));

        Assert.Equal(expectedJson, value?.ToJsonString());
    }

    [Fact]
    public void Converts_values_built_in_code_as_well_as_parsed_ones()
    {
        var document = new JsonObject
        {
            ["count"] = 5,
            ["price"] = 19.99m,
            ["ratio"] = 0.25,
            ["name"] = "x",
            ["flag"] = true,
            ["list"] = new JsonArray(1, "a", null),
        };

        var value = JsonPathExpression.Parse("[count, price, ratio, name, flag, list]").Evaluate(document);

        Assert.Equal("""[5,19.99,0.25,"x",true,[1,"a",null]]""", value!.ToJsonString());
    }

    [Fact]
    public void A_JMESPath_result_is_detached_and_a_plain_path_one_is_copied_when_asked()
    {
        var document = Entity("""{ "o": { "a": 1 } }""");
        var input = new ExpressionInput(document);

        Assert.Same(document["o"], JsonPathExpression.Parse("o").Evaluate(input));
        Assert.Null(JsonPathExpression.Parse("o").EvaluateDetached(input)!.Parent);
        Assert.Null(JsonPathExpression.Parse("o || `1`").Evaluate(input)!.Parent);
    }

    [Theory]
    [InlineData("", "expression is empty")]
    [InlineData("foo(", "expression 'foo(' is not valid JMESPath: ")]
    [InlineData("a[?", "expression 'a[?' is not valid JMESPath: ")]
    public void Invalid_expressions_are_reported(string text, string expectedStart)
    {
        Assert.False(JsonPathExpression.TryParse(text, out _, out var error));
        Assert.StartsWith(expectedStart, error);
        Assert.Throws<FormatException>(() => JsonPathExpression.Parse(text));
    }
}
