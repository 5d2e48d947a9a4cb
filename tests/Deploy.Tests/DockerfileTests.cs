using Xunit;

namespace Switchboard.Deploy.Tests;

/// <summary>deploy/Dockerfile passes the linter (dockerfile-utils) and the image rules: pinned bases, a non-root
/// final user, a HEALTHCHECK and a STOPSIGNAL.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public async Task The_Dockerfile_passes_the_linter_and_the_image_rules()
    {
        var (node, script) = Tool.RequireValidator();

        var (exitCode, output, error) = await Tool.RunAsync(node, [script, "dockerfile", Repository.PathOf("deploy/Dockerfile")]);

        Assert.True(exitCode == 0, output + error);
    }

    [Fact]
    public async Task A_Dockerfile_running_as_root_with_a_misspelt_instruction_is_refused_with_each_problem_named()
    {
        var (node, script) = Tool.RequireValidator();
        const string broken = """
            FROM mcr.microsoft.com/dotnet/runtime
            COPY app /app
            HEALTHCHEK CMD true
            ENTRYPOINT ["dotnet", "/app/service.dll"]
            """;

        var (exitCode, output, _) = await Tool.RunAsync(node, [script, "dockerfile", "-"], broken);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3: Unknown instruction: HEALTHCHEK", output);
        Assert.Contains("line 1: pin the base image to a tag", output);
        Assert.Contains("the final stage must run as a non-root USER", output);
        Assert.Contains("the final stage has no HEALTHCHECK", output);
    }

    [Fact]
    public void Every_project_a_service_needs_is_copied_before_the_restore()
    {
        var dockerfile = File.ReadAllText(Repository.PathOf("deploy/Dockerfile"));
        var restore = dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        var projects = Directory.GetFiles(Repository.PathOf("shared"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Repository.PathOf("services"), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'));

        foreach (var project in projects)
        {
            var copied = dockerfile.IndexOf($"COPY {project} ", StringComparison.Ordinal);
            Assert.True(copied >= 0 && copied < restore, $"{project} is not copied before `dotnet restore`: a new project needs its COPY line");
        }
    }
}
