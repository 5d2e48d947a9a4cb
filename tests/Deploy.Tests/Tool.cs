using System.Diagnostics;
using Xunit;

namespace Switchboard.Deploy.Tests;

/// <summary>An external tool (kubectl, node) run to the end with a time limit; a test that needs a missing tool is
/// skipped with the reason, never passed.</summary>
public static class Tool
{
    public static string Require(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            var reason = $"{name} is not installed (.ci/run installs it)";
            Console.Error.WriteLine("SKIPPED: " + reason);
            Assert.Skip(reason);
        }
        return found;
    }

    /// <summary>The deployment validator (deploy/validate/validate.mjs) with its npm packages installed.</summary>
    public static (string Node, string Script) RequireValidator()
    {
        var node = Require("node");
        var folder = Repository.PathOf("deploy/validate");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "kubernetes-models")))
        {
            const string reason = "deploy/validate has no node_modules: run `npm ci --prefix deploy/validate` (.ci/run does)";
            Console.Error.WriteLine("SKIPPED: " + reason);
            Assert.Skip(reason);
        }
        return (node, Path.Combine(folder, "validate.mjs"));
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, IEnumerable<string> args, string? input = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return (process.ExitCode, await output, await error);
    }
}
