using Xunit;
using static Switchboard.Transformation.Tests.Mappers;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class ArithmeticMapperTests
{
    [Theory]
    [InlineData("[ { \"add\": 5 } ]", "10", "15")]
    [InlineData("[ { \"subtract\": 0.5 } ]", "\"10\"", "9.5")]
    [InlineData("[ { \"multiply\": 1.19 }, { \"round\": 2 } ]", "19.99", "23.79")]
    [InlineData("[ { \"divide\": 3 }, { \"round\": 0 } ]", "10", "3")]
    [InlineData("[ { \"round\": 1 } ]", "2.25", "2.3")]
    [InlineData("[ { \"multiply\": \"quantity\" } ]", "2.5", "10")]
    [InlineData("[ { \"subtract\": \"discounts[0].amount\" } ]", "20", "17")]
    public void Computes(string mappers, string value, string expected)
    {
        AssertJson(expected, Map(mappers, value, """{ "quantity": 4, "discounts": [ { "amount": 3 } ] }"""));
    }

    [Fact]
    public void Fails_on_values_that_are_not_numbers_and_on_missing_operands()
    {
        Assert.Equal("mapper #1 (add): \"ten\" is not a number", Error("""[ { "add": 1 } ]""", "\"ten\""));
        Assert.Equal("mapper #1 (multiply): operand 'quantity' is missing", Error("""[ { "multiply": "quantity" } ]""", "2"));
        Assert.Equal("mapper #1 (round): \"about 3\" is not a number", Error("""[ { "round": 0 } ]""", "\"about 3\""));
        var divide = Assert.Throws<InvalidOperationException>(() => Map("""[ { "divide": "quantity" } ]""", "2", """{ "quantity": 0 }"""));
        Assert.Equal("map 'v': mapper #1 (divide): cannot divide 2 by zero ('quantity' is 0)", divide.Message);
    }

    [Theory]
    [InlineData("[ { \"divide\": 0 } ]", "map 'v': mapper #1 (divide): cannot divide by zero")]
    [InlineData("[ { \"add\": true } ]", "map 'v': mapper #1 (add): expects a number, or a path to one, got the boolean true")]
    [InlineData("[ { \"round\": 1.5 } ]", "map 'v': mapper #1 (round): expects the number of decimal places (0 to 10), got the number 1.5")]
    [InlineData("[ { \"multiply\": \"foo(\" } ]", "map 'v': mapper #1 (multiply): expression 'foo(' is not valid JMESPath")]
    public void Bad_arguments_are_configuration_errors(string mappers, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Problem(mappers));
    }
}
