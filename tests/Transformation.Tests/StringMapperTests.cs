using Xunit;
using static Switchboard.Transformation.Tests.Mappers;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class StringMapperTests
{
    [Theory]
    [InlineData("[\"trim\"]", "\"  Shoe \"", "\"Shoe\"")]
    [InlineData("[\"lower\"]", "\"ÄBC\"", "\"äbc\"")]
    [InlineData("[\"upper\"]", "\"sku-1\"", "\"SKU-1\"")]
    [InlineData("[\"slug\"]", "\"  Café Crème: 2L Größe! \"", "\"cafe-creme-2l-grosse\"")]
    [InlineData("[ { \"truncate\": 4 } ]", "\"Sneakers\"", "\"Snea\"")]
    [InlineData("[ { \"truncate\": 40 } ]", "\"Shoe\"", "\"Shoe\"")]
    [InlineData("[ { \"truncate\": 1 } ]", "\"😀x\"", "\"😀\"")]
    [InlineData("[ { \"truncate\": 2 } ]", "\"e\u0301te\u0301\"", "\"e\u0301t\"")]
    [InlineData("[ { \"truncate\": 0 } ]", "\"😀\"", "\"\"")]
    [InlineData("[ { \"replace\": { \"old\": \"-\", \"new\": \" \" } } ]", "\"a-b-c\"", "\"a b c\"")]
    [InlineData("[ { \"replace\": { \"old\": \"x\" } } ]", "\"xax\"", "\"a\"")]
    [InlineData("[ \"trim\", \"upper\", { \"truncate\": 3 } ]", "\" abcd \"", "\"ABC\"")]
    public void Changes_strings(string mappers, string value, string expected)
    {
        AssertJson(expected, Map(mappers, value));
    }

    [Theory]
    [InlineData("[ { \"regex\": { \"pattern\": \"(\\\\d+)-(\\\\d+)\", \"replacement\": \"$2/$1\" } } ]", "\"10-20 and 3-4\"", "\"20/10 and 4/3\"")]
    [InlineData("[ { \"regex\": \"SKU-(\\\\w+)\" } ]", "\"item SKU-A1 blue\"", "\"A1\"")]
    [InlineData("[ { \"regex\": { \"pattern\": \"\\\\d+\" } } ]", "\"size 42 eu\"", "\"42\"")]
    public void Regex_replaces_or_extracts(string mappers, string value, string expected)
    {
        AssertJson(expected, Map(mappers, value));
    }

    [Fact]
    public void Regex_without_a_match_yields_nothing()
    {
        Assert.Null(Map("""[ { "regex": "\\d+" } ]""", "\"none\""));
    }

    [Theory]
    [InlineData("[\"trim\"]", "5", "mapper #1 (trim): expects a string, got 5")]
    [InlineData("[\"lower\", \"slug\"]", "[1]", "mapper #1 (lower): expects a string, got a list")]
    [InlineData("[ { \"regex\": \"a\" } ]", "true", "mapper #1 (regex): expects a string, got true")]
    [InlineData("[\"upper\"]", "true", "mapper #1 (upper): expects a string, got true")]
    [InlineData("[\"slug\"]", "{}", "mapper #1 (slug): expects a string, got an object")]
    [InlineData("[ { \"truncate\": 3 } ]", "12345", "mapper #1 (truncate): expects a string, got 12345")]
    public void Non_strings_fail(string mappers, string value, string expected)
    {
        Assert.Equal(expected, Error(mappers, value));
    }

    [Theory]
    [InlineData("[ { \"truncate\": -1 } ]", "map 'v': mapper #1 (truncate): expects the maximum length (a whole number, 0 or more), got the number -1")]
    [InlineData("[ { \"replace\": \"a\" } ]", "map 'v': mapper #1 (replace): expects { old: text, new: text } (old not empty), got the string \"a\"")]
    [InlineData("[ { \"regex\": \"(\" } ]", "map 'v': mapper #1 (regex): pattern '(' is not a valid regular expression: ")]
    [InlineData("[ { \"trim\": 3 } ]", "map 'v': mapper #1 (trim): takes no arguments (write '- trim'), got the number 3")]
    [InlineData("[ \"shout\" ]", "map 'v': mapper #1: unknown value mapper 'shout'; known mappers: add, cast, date, dictionary, divide, hash, jmespath, join, lower, multiply, regex, replace, round, slug, split, subtract, trim, truncate, upper")]
    [InlineData("[ { \"trim\": true, \"lower\": true } ]", "map 'v': mapper #1: expected a mapper name or a mapping of one mapper name to its arguments, got an object")]
    [InlineData("5", "map 'v': mappers must be a list of value mappers, got the number 5")]
    public void Bad_arguments_are_configuration_errors(string mappers, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Problem(mappers));
    }
}
