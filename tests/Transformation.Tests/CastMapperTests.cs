using System.Text.Json;
using Xunit;
using static Switchboard.Transformation.Tests.Mappers;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class CastMapperTests
{
    [Theory]
    [InlineData("number", "\"19.90\"", "19.9")]
    [InlineData("number", "7", "7")]
    [InlineData("integer", "\"2.5\"", "3")]
    [InlineData("integer", "-2.5", "-3")]
    [InlineData("string", "42", "\"42\"")]
    [InlineData("string", "true", "\"true\"")]
    [InlineData("string", "[1,2]", "\"[1,2]\"")]
    [InlineData("bool", "\"yes\"", "true")]
    [InlineData("bool", "\"0\"", "false")]
    [InlineData("bool", "2", "true")]
    [InlineData("bool", "\"Off\"", "false")]
    [InlineData("cents-to-decimal", "1999", "19.99")]
    [InlineData("cents-to-decimal", "\"500\"", "5")]
    [InlineData("decimal-to-cents", "19.99", "1999")]
    [InlineData("decimal-to-cents", "0.005", "1")]
    public void Casts(string target, string value, string expected)
    {
        AssertJson(expected, Map($$"""[ { "cast": "{{target}}" } ]""", value));
    }

    [Fact]
    public void Numbers_come_out_as_JSON_numbers()
    {
        Assert.Equal(JsonValueKind.Number, Map("""[ { "cast": "number" } ]""", "\"5\"")!.GetValueKind());
        Assert.Equal(JsonValueKind.String, Map("""[ { "cast": "string" } ]""", "5")!.GetValueKind());
    }

    [Fact]
    public void A_missing_value_stays_missing()
    {
        var map = Create("map", """{ "price": { "from": "price_cents", "mappers": [ { "cast": "cents-to-decimal" } ] } }""");

        AssertJson("{}", map.Apply("""{ "name": "x" }"""));
    }

    [Theory]
    [InlineData("number", "\"abc\"", "mapper #1 (cast): \"abc\" is not a number")]
    [InlineData("number", "true", "mapper #1 (cast): true is not a number")]
    [InlineData("bool", "\"maybe\"", "mapper #1 (cast): \"maybe\" is not a boolean (true/false, yes/no, on/off, 1/0)")]
    [InlineData("cents-to-decimal", "{}", "mapper #1 (cast): an object is not a number")]
    [InlineData("integer", "\"12abc\"", "mapper #1 (cast): \"12abc\" is not a number")]
    [InlineData("decimal-to-cents", "\"€5\"", "mapper #1 (cast): \"€5\" is not a number")]
    public void Values_that_cannot_be_cast_fail(string target, string value, string expected)
    {
        Assert.Equal(expected, Error($$"""[ { "cast": "{{target}}" } ]""", value));
    }

    [Fact]
    public void An_unknown_cast_is_a_configuration_error()
    {
        Assert.Equal("map 'v': mapper #1 (cast): expects one of number, integer, string, bool, cents-to-decimal, decimal-to-cents, got the string \"float\"",
            Problem("""[ { "cast": "float" } ]"""));
    }
}
