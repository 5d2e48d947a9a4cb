using Spectre.Console;

namespace Switchboard.Host;

/// <summary>Where the command line writes: results on standard output, progress and diagnostics on standard error,
/// so <c>--json</c> output can be piped.</summary>
public static class CliConsole
{
    public static readonly IAnsiConsole Out = AnsiConsole.Console;
    public static readonly IAnsiConsole Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
