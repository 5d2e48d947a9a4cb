using Xunit;
using static Switchboard.Transformation.Tests.Mappers;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

/// <summary>dictionary, hash, join, split and jmespath.</summary>
public class TableMapperTests
{
    private const string Statuses = """[ { "dictionary": { "values": { "1": "visible", "0": "hidden", "draft": null } } } ]""";

    [Theory]
    [InlineData(Statuses, "1", "\"visible\"")]
    [InlineData(Statuses, "\"0\"", "\"hidden\"")]
    [InlineData(Statuses, "\"archived\"", "\"archived\"")]
    [InlineData("""[ { "dictionary": { "values": { "a": 1 }, "default": -1 } } ]""", "\"z\"", "-1")]
    [InlineData("""[ { "dictionary": { "values": { "a": { "x": [1] } } } } ]""", "\"a\"", """{ "x": [1] }""")]
    public void Dictionary_looks_values_up(string mappers, string value, string expected)
    {
        AssertJson(expected, Map(mappers, value));
    }

    [Fact]
    public void Dictionary_can_map_to_nothing()
    {
        Assert.Null(Map(Statuses, "\"draft\""));
        Assert.Equal("map 'v': mapper #1 (dictionary): expects { values: { from: to, … }, default: value } (default optional), got an object",
            Problem("""[ { "dictionary": { "1": "visible" } } ]"""));
    }

    [Theory]
    [InlineData("sha256", "\"abc\"", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")]
    [InlineData("md5", "\"abc\"", "\"900150983cd24fb0d6963f7d28e17f72\"")]
    [InlineData("sha1", "42", "\"92cfceb39d57d914ed8b14d0e37643de0797ae56\"")]
    [InlineData("sha512", "\"abc\"", "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\"")]
    public void Hash_digests_the_text(string algorithm, string value, string expected)
    {
        AssertJson(expected, Map($$"""[ { "hash": "{{algorithm}}" } ]""", value));
    }

    [Fact]
    public void Hash_needs_a_known_algorithm()
    {
        Assert.Equal("map 'v': mapper #1 (hash): expects one of sha256, sha1, sha512, md5, got the string \"crc32\"",
            Problem("""[ { "hash": "crc32" } ]"""));
    }

    [Fact]
    public void Join_and_split()
    {
        AssertJson("\"a, 2, true\"", Map("""[ { "join": ", " } ]""", """["a", 2, null, true]"""));
        AssertJson("""["red", "green", "blue"]""", Map("""[ { "split": "," } ]""", "\" red, green,,blue \""));
        AssertJson("\"red|green\"", Map("""[ { "split": "," }, { "join": "|" } ]""", "\"red,green\""));
        Assert.Equal("mapper #1 (join): expects a list, got \"a\"", Error("""[ { "join": "," } ]""", "\"a\""));
        Assert.Equal("mapper #1 (split): expects a string, got a list", Error("""[ { "split": "," } ]""", "[1]"));
        Assert.Equal("map 'v': mapper #1 (split): expects the separator (a text), got the string \"\"", Problem("""[ { "split": "" } ]"""));
    }

    [Fact]
    public void Jmespath_reads_the_value_itself()
    {
        AssertJson("""["a", "c"]""", Map("""[ { "jmespath": "[?active].sku" } ]""",
            """[ { "sku": "a", "active": true }, { "sku": "b", "active": false }, { "sku": "c", "active": true } ]"""));
        AssertJson("3", Map("""[ { "jmespath": "length(@)" } ]""", "\"abc\""));
        Assert.StartsWith("mapper #1 (jmespath): expression 'length(@)' failed: ", Error("""[ { "jmespath": "length(@)" } ]""", "5"));
        Assert.StartsWith("map 'v': mapper #1 (jmespath): expects a JMESPath expression (a text), got the number 1", Problem("""[ { "jmespath": 1 } ]"""));
        Assert.StartsWith("map 'v': mapper #1 (jmespath): expression '[?' is not valid JMESPath", Problem("""[ { "jmespath": "[?" } ]"""));
    }
}
