using System.Diagnostics;

namespace Switchboard.Pipeline.Tests;

/// <summary>A built service or the command line, started as its own process the way an operator starts it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    public System.Text.StringBuilder Output { get; } = new();

    private ServiceProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>The folder a project's build output sits in, for the same configuration as these tests.</summary>
    public static string BuildOutput(string projectFolder)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name; // bin/<configuration>/net10.0
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Microservices.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Microservices.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(root.FullName, projectFolder, "bin", configuration, here.Name);
    }

    public static ServiceProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var process = new Process { StartInfo = StartInfo(dll, args, environment) };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (service.Output) service.Output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (service.Output) service.Output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs to the end and returns the exit code with standard output and standard error apart. A process
    /// still running after <paramref name="timeout"/> (3 minutes unless given) is killed and the test fails with
    /// everything it printed, so a hanging command never holds the test run.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string dll, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default,
        string? standardInput = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        using var process = new Process { StartInfo = StartInfo(dll, args, environment ?? new Dictionary<string, string>(), workingDirectory) };
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null) await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"`switchboard {string.Join(' ', args)}` did not exit in time; it printed:\n{stdout}{stderr}");
        }
        process.WaitForExit(); // drains the asynchronous output readers
        return (process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard input is always redirected (and closed at once unless a test types into it), so a child
    /// never waits on the test runner's own input.</summary>
    private static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return info;
    }

    /// <summary>Stops the process as an orchestrator does: SIGTERM, then waits for it to finish what it holds.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!)
        {
            using var killTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await kill.WaitForExitAsync(killTimeout.Token);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Waits until the process has printed <paramref name="text"/>; fails, with what it printed, when it exits
    /// first or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (!Printed().Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited && !Printed().Contains(text, StringComparison.Ordinal))
                throw new InvalidOperationException($"the process exited ({_process.ExitCode}) before printing '{text}':\n{Printed()}");
            try
            {
                await Task.Delay(50, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{text}' not printed within {timeout}; the process printed:\n{Printed()}");
            }
        }
    }

    public string Printed()
    {
        lock (Output) return Output.ToString();
    }

    /// <summary>Ctrl+C, as a person at the terminal stops it.</summary>
    public Task<int> InterruptAsync(TimeSpan timeout) => SignalAsync("INT", timeout);

    /// <summary>Sends a signal as a terminal (<c>INT</c>, Ctrl+C) or an orchestrator (<c>TERM</c>, <c>KILL</c>) does and
    /// returns the exit code; a process still running after <paramref name="timeout"/> fails the test.</summary>
    public async Task<int> SignalAsync(string signal, TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString()])!;
            using var killTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await kill.WaitForExitAsync(killTimeout.Token);
        }
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {timeout} of SIG{signal}; it printed:\n{Output}");
        }
        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        _process.Dispose();
    }
}
