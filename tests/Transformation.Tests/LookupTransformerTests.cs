using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class LookupTransformerTests
{
    private sealed class Mappings : IKeyMappings
    {
        public string? Find(string route, string sourceKey) =>
            (route, sourceKey) switch
            {
                ("categories", "18") => "9001",
                ("categories", "21") => "9002",
                _ => null,
            };
    }

    private static readonly TransformerFactory WithMappings = new(new Mappings());

    private static TransformResult Run(string arguments, string entity) =>
        WithMappings.Create(Config("lookup", arguments)).Apply(Entity(entity));

    [Fact]
    public void Writes_the_target_id_of_the_source_key()
    {
        var result = Run("""{ "route": "categories", "key": "category_id", "into": "payload.categoryId" }""", """{ "category_id": 18 }""");

        AssertJson("""{ "category_id": 18, "payload": { "categoryId": "9001" } }""", result.Entity);
    }

    [Fact]
    public void Looks_up_each_item_of_a_list_and_mappers_can_cast_the_ids()
    {
        var result = Run("""{ "route": "categories", "key": "categories", "into": "payload.categoryIds", "mappers": [ { "cast": "number" } ] }""",
            """{ "categories": [18, "21"] }""");

        AssertJson("[9001, 9002]", result.Entity!["payload"]!["categoryIds"]);
    }

    [Fact]
    public void A_missing_mapping_fails_by_default()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Run("""{ "route": "categories", "key": "category_id", "into": "c" }""", """{ "category_id": 99 }"""));

        Assert.Equal("no key mapping on route 'categories' for '99' (category_id); publish that route first, or set missing: skip | keep", error.Message);
    }

    [Fact]
    public void A_missing_mapping_can_skip_the_entity_or_keep_it_without_the_id()
    {
        var skipped = Run("""{ "route": "categories", "key": "category_id", "into": "c", "missing": "skip" }""", """{ "category_id": 99 }""");
        var kept = Run("""{ "route": "categories", "key": "category_id", "into": "c", "missing": "keep" }""", """{ "category_id": 99 }""");
        var partial = Run("""{ "route": "categories", "key": "ids", "into": "c", "missing": "keep" }""", """{ "ids": [99, 18] }""");

        Assert.Equal("skipped by transformer #1: no key mapping on route 'categories' for '99' (category_id)", skipped.SkipReason);
        AssertJson("""{ "category_id": 99 }""", kept.Entity);
        AssertJson("""["9001"]""", partial.Entity!["c"]);
    }

    [Fact]
    public void A_key_missing_on_the_entity_looks_nothing_up()
    {
        AssertJson("""{ "name": "x" }""", Run("""{ "route": "categories", "key": "category_id", "into": "c" }""", """{ "name": "x" }""").Entity);
    }

    [Fact]
    public void In_a_route_the_error_names_route_step_and_entity()
    {
        var pipeline = new RoutePipeline("products", [Config("lookup", """{ "route": "categories", "key": "category_id", "into": "c" }""")], WithMappings);

        var error = Assert.Throws<TransformException>(() => pipeline.Apply(Entity("""{ "category_id": 5 }"""), "111"));

        Assert.StartsWith("route products, transformer #1 (lookup), entity 111: no key mapping on route 'categories' for '5'", error.Message);
    }

    [Theory]
    [InlineData("""{ "key": "a", "into": "b" }""", "lookup: 'route' must be the route whose key mappings to read (a text), got nothing")]
    [InlineData("""{ "route": "r", "key": "a", "into": "b", "missing": "ignore" }""", "lookup: 'missing' must be one of fail, skip, keep, got the string \"ignore\"")]
    [InlineData("""{ "route": "r", "key": "a", "into": "b", "default": 1 }""", "lookup: unknown key 'default'; expected route, key, into, missing, mappers")]
    [InlineData("""{ "route": "r", "key": "a", "into": "b..c" }""", "target path 'b..c' is not valid: it must be keys separated by dots, none of them empty")]
    [InlineData("[]", "lookup expects { route, key, into, missing }, got a list")]
    public void Bad_arguments_are_configuration_errors(string arguments, string expected)
    {
        Assert.Equal([expected], Factory.Validate(Config("lookup", arguments)));
    }
}
