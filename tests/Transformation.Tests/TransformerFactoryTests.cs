using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class TransformerFactoryTests
{
    [Fact]
    public void Unknown_kind_lists_the_known_kinds()
    {
        const string expected = "unknown transformer kind 'mapp'; known kinds: branches, condition, copy, default, filter, lookup, map, move, remove, rename, script, set";

        Assert.Equal([expected], Factory.Validate(Config("mapp", "{}")));
        Assert.Equal(expected, Assert.Throws<TransformerConfigException>(() => Create("mapp", "{}")).Message);
    }

    [Fact]
    public void Valid_steps_have_no_problems()
    {
        Assert.Empty(Factory.Validate(Config("map", """{ "a": "b", "c": "d[0].e", "f": "g[?h > `1`]" }""")));
        Assert.Empty(Factory.Validate(Config("set", """{ "a": 1, "b": "{{c}}" }""")));
        Assert.Empty(Factory.Validate(Config("remove", "\"a\"")));
        Assert.Empty(Factory.Validate(Config("filter", """{ "path": "a", "exists": true }""")));
    }

    [Fact]
    public void Missing_arguments_are_reported()
    {
        var config = new TransformerConfig("map", null, "routes.r.transformers[0]", 0, SourceLocation.None);

        Assert.Equal(["map expects an object of 'target: source' pairs, got nothing"], Factory.Validate(config));
    }

    [Fact]
    public void Is_the_configuration_validator()
    {
        ITransformerValidator validator = Factory;

        Assert.NotEmpty(validator.Validate(Config("filter", "{}")));
    }

    [Fact]
    public void Extra_kinds_can_be_registered()
    {
        var factory = new TransformerFactory([.. TransformerFactory.BuiltInKinds, new UppercaseKind()]);

        var result = factory.Create(Config("uppercase", "\"name\"")).Apply(Entity("""{ "name": "shoe" }"""));

        Assert.Equal("SHOE", result.Entity!["name"]!.GetValue<string>());
        Assert.Contains("uppercase", factory.KnownKinds);
    }

    private sealed class UppercaseKind : ITransformerKind
    {
        public string Name => "uppercase";

        public ITransformer? Build(TransformerBuildContext context) =>
            context.Arguments?.GetValue<string>() is { } key ? new Uppercase(key) : null;

        private sealed class Uppercase(string key) : ITransformer
        {
            public TransformResult Apply(JsonObject entity)
            {
                var copy = (JsonObject)entity.DeepClone();
                copy[key] = copy[key]?.GetValue<string>().ToUpperInvariant();
                return TransformResult.Keep(copy);
            }
        }
    }
}
