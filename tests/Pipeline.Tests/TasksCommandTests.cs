using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary><c>switchboard tasks</c> when there is nothing to list, or the question is wrong.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class TasksCommandTests
{
    private static string Switchboard => Path.Combine(AppContext.BaseDirectory, "switchboard.dll");

    [Fact]
    public async Task A_state_folder_nothing_has_run_in_is_named()
    {
        var state = Path.Combine(Directory.CreateTempSubdirectory("switchboard-tasks-").FullName, "state");

        var (exit, _, stderr) = await ServiceProcess.RunAsync(Switchboard, ["tasks", "--state", state],
            cancellationToken: TestContext.Current.CancellationToken, timeout: TimeSpan.FromMinutes(1));

        Assert.Equal(1, exit);
        Assert.Contains($"no tasks: nothing has run with the state folder {state}", stderr);
        Assert.False(Directory.Exists(state), "listing created the state folder");
    }

    [Fact]
    public async Task An_unknown_status_lists_the_statuses()
    {
        var (exit, _, stderr) = await ServiceProcess.RunAsync(Switchboard, ["tasks", "--status", "done"],
            cancellationToken: TestContext.Current.CancellationToken, timeout: TimeSpan.FromMinutes(1));

        Assert.Equal(1, exit);
        Assert.Contains("unknown status 'done'; statuses: new, processing, finished, skipped, failed, retrying", stderr);
    }
}
