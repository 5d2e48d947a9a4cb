using Xunit;
using static Switchboard.Transformation.Tests.Steps;

namespace Switchboard.Transformation.Tests;

public class RemoveTransformerTests
{
    [Fact]
    public void Removes_listed_keys_including_nested_ones()
    {
        var remove = Create("remove", """["secret", "payload.internal"]""");

        var result = remove.Apply("""{ "id": 1, "secret": "x", "payload": { "name": "a", "internal": 2 } }""");

        AssertJson("""{ "id": 1, "payload": { "name": "a" } }""", result);
    }

    [Fact]
    public void Accepts_a_single_path()
    {
        var result = Create("remove", "\"secret\"").Apply("""{ "id": 1, "secret": "x" }""");

        AssertJson("""{ "id": 1 }""", result);
    }

    [Fact]
    public void Missing_keys_are_fine()
    {
        var remove = Create("remove", """["missing", "a.b.c", "name.first"]""");

        var result = remove.Apply("""{ "id": 1, "a": null, "name": "x" }""");

        AssertJson("""{ "id": 1, "a": null, "name": "x" }""", result);
    }

    [Fact]
    public void Does_not_mutate_the_input()
    {
        var entity = Entity("""{ "id": 1, "secret": "x" }""");

        var result = Create("remove", "\"secret\"").Apply(entity).Entity!;

        Assert.NotSame(entity, result);
        AssertJson("""{ "id": 1, "secret": "x" }""", entity);
    }

    [Theory]
    [InlineData("{}", "remove expects a path or a list of paths, got an object")]
    [InlineData("[]", "remove expects a path or a list of paths, got a list")]
    [InlineData("[\"a\", 3]", "remove expects paths (strings), got the number 3")]
    public void Rejects_bad_arguments(string argumentsJson, string expectedProblem)
    {
        Assert.Equal([expectedProblem], Factory.Validate(Config("remove", argumentsJson)));
        Assert.Throws<TransformerConfigException>(() => Create("remove", argumentsJson));
    }
}
