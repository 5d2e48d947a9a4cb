using Xunit;

namespace Switchboard.Transformation.Tests;

/// <summary>The README's Transformers section keeps up with the library.</summary>
public class ReadmeTests
{
    private static string TransformersSection()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Microservices.sln")))
            folder = folder.Parent;
        Assert.NotNull(folder);
        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md"));
        var start = readme.IndexOf("\n## Transformers\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Transformers' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [Fact]
    public void Documents_every_transformer_kind_with_an_example()
    {
        var section = TransformersSection();

        Assert.All(new TransformerFactory().KnownKinds, kind =>
        {
            Assert.Contains($"| `{kind}` |", section);
            Assert.Contains($"{kind}:", section);
        });
    }

    [Fact]
    public void Documents_every_value_mapper()
    {
        var section = TransformersSection();

        Assert.All(TransformerFactory.ValueMappers, mapper => Assert.Contains($"`{mapper}`", section));
    }
}
