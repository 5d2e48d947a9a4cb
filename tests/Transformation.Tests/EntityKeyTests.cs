using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class EntityKeyTests
{
    [Theory]
    [InlineData("""{ "id": 111 }""", "id", "111")]
    [InlineData("""{ "id": "A-1" }""", "id", "A-1")]
    [InlineData("""{ "product": { "id": 5 } }""", "product.id", "5")]
    [InlineData("""{ "ids": [3, 4] }""", "ids[1]", "4")]
    [InlineData("""{ "a": 1, "b": "x" }""", "join('-', [to_string(a), b])", "1-x")]
    [InlineData("""{ "key": { "x": 1 } }""", "key", """{"x":1}""")]
    [InlineData("""{ }""", "id", "?")]
    [InlineData("""{ "id": null }""", "id", "?")]
    [InlineData("""{ "id": "" }""", "id", "?")]
    [InlineData("""{ "id": 5 }""", "length(id)", "?")]
    public void Reads_the_key_or_question_mark(string entityJson, string keyExpression, string expected)
    {
        Assert.Equal(expected, EntityKey.Of(Entity(entityJson), keyExpression));
    }

    [Fact]
    public void Rejects_an_invalid_key_expression()
    {
        var error = Assert.Throws<TransformerConfigException>(() => EntityKey.Of(Entity("{}"), "id("));

        Assert.StartsWith("key expression 'id(' is not valid JMESPath: ", error.Message);
    }
}
