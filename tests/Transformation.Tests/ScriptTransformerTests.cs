using System.Text.Json.Nodes;
using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class ScriptTransformerTests
{
    private static JsonNode Json(string value) => JsonValue.Create(value)!;

    [Fact]
    public void Changes_the_entity_or_returns_a_new_one()
    {
        var changed = Create("script", Json("entity.name = entity.name.toUpperCase(); entity.tags = entity.tags.join(',');").ToJsonString())
            .Apply("""{ "name": "shoe", "tags": ["a", "b"] }""");
        var built = Create("script", Json("return { sku: entity.id + '-' + entity.size, price: Math.round(entity.cents) / 100 };").ToJsonString())
            .Apply("""{ "id": 7, "size": "L", "cents": 1999 }""");

        AssertJson("""{ "name": "SHOE", "tags": "a,b" }""", changed);
        AssertJson("""{ "sku": "7-L", "price": 19.99 }""", built);
    }

    [Fact]
    public void Returning_null_skips_and_a_list_splits()
    {
        var skip = Create("script", Json("if (!entity.visible) return null;").ToJsonString()).Apply(Entity("""{ "visible": false }"""));
        var pipeline = new RoutePipeline("r", [Config("script", Json("return entity.sizes.map(function (s) { return { size: s }; });").ToJsonString())], Factory);
        var outputs = pipeline.Run(Entity("""{ "sizes": ["S", "M"] }"""), "5");

        Assert.Equal("skipped by transformer #1: the script returned null", skip.SkipReason);
        Assert.Equal(["5#1", "5#2"], outputs.Select(o => o.Key));
        AssertJson("""{ "size": "M" }""", outputs[1].Entity);
    }

    [Fact]
    public void Does_not_mutate_the_input_or_keep_state_between_entities()
    {
        var script = Create("script", Json("if (typeof counter === 'undefined') { globalThis.counter = 0; } counter++; entity.n = counter;").ToJsonString());
        var entity = Entity("""{ "n": 0 }""");

        var first = script.Apply(entity).Entity!;
        var second = script.Apply(entity).Entity!;

        Assert.Equal(1, first["n"]!.GetValue<int>());
        Assert.Equal(1, second["n"]!.GetValue<int>());
        AssertJson("""{ "n": 0 }""", entity);
    }

    [Theory]
    [InlineData("throw new Error('no price');", "script error: no price")]
    [InlineData("return entity.missing.deeper;", "script error: ")]
    [InlineData("return 5;", "the script must return an object, a non-empty list of objects, null (skip) or nothing; it returned 5")]
    [InlineData("function f(n) { return f(n + 1); } f(0);", "script recursed more than 100 calls deep")]
    public void Errors_say_what_went_wrong(string code, string expectedStart)
    {
        var script = Create("script", Json(code).ToJsonString());

        Assert.StartsWith(expectedStart, Assert.Throws<InvalidOperationException>(() => script.Apply(Entity("{}"))).Message);
    }

    [Fact]
    public void Endless_loops_are_stopped_by_the_time_limit()
    {
        var script = Create("script", """{ "code": "while (true) {}", "timeout": 200 }""");

        Assert.Equal("script ran longer than 200 ms", Assert.Throws<InvalidOperationException>(() => script.Apply(Entity("{}"))).Message);
    }

    [Fact]
    public void Memory_hogs_are_stopped_by_the_memory_limit()
    {
        var script = Create("script", """{ "code": "var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", "memory": 4, "timeout": 20000 }""");

        Assert.Equal("script used more than 4 MB of memory", Assert.Throws<InvalidOperationException>(() => script.Apply(Entity("{}"))).Message);
    }

    [Theory]
    [InlineData("return System.IO.File.ReadAllText('/etc/passwd');")]
    [InlineData("return importNamespace('System.IO').File.ReadAllText('/etc/passwd');")]
    [InlineData("return require('fs').readFileSync('/etc/passwd');")]
    [InlineData("return fetch('http://127.0.0.1/');")]
    public void Has_no_access_to_dotnet_or_io(string code)
    {
        var script = Create("script", Json(code).ToJsonString());

        Assert.StartsWith("script error: ", Assert.Throws<InvalidOperationException>(() => script.Apply(Entity("{}"))).Message);
    }

    [Theory]
    [InlineData("\"entity.name = ;\"", "script: not valid JavaScript: Unexpected token ';' (line 1, column 15)")]
    [InlineData("\"if (entity.price > 0) { entity.tier = 'paid';\"", "script: not valid JavaScript: Unexpected end of input (line 1, column ")]
    [InlineData("\"entity.name = 'unclosed;\"", "script: not valid JavaScript: Invalid or unexpected token (line 1, column ")]
    [InlineData("\"entity.a = 1;\\nreturn {\"", "script: not valid JavaScript: Unexpected end of input (line 2, column ")]
    [InlineData("\"  \"", "script expects JavaScript code, or { code, timeout, memory }, got the string \"  \"")]
    [InlineData("""{ "code": "return entity;", "timeout": 0 }""", "script: 'timeout' must be a number above 0 and at most 60000, got the number 0")]
    [InlineData("""{ "code": "return entity;", "memory": "lots" }""", "script: 'memory' must be a number above 0 and at most 1024, got the string \"lots\"")]
    [InlineData("""{ "source": "x" }""", "script: unknown key 'source'; expected code, timeout, memory")]
    public void Bad_scripts_are_configuration_errors(string arguments, string expectedStart)
    {
        Assert.StartsWith(expectedStart, Factory.Validate(Config("script", arguments)).First());
    }
}
