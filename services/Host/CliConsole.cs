using Spectre.Console;

namespace Switchboard.Host;

/// <summary>Where the command line writes: results on standard output, progress and diagnostics on standard error,
/// so <c>--json</c> output can be piped.</summary>
public static class CliConsole
{
    public static readonly IAnsiConsole Out = Unwrapped(AnsiConsole.Console, Console.IsOutputRedirected);
    public static readonly IAnsiConsole Error = Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), Console.IsErrorRedirected);

    // Written to a file or a pipe, Spectre would wrap at 80 columns, breaking JSON payloads and URLs mid-token.
    private static IAnsiConsole Unwrapped(IAnsiConsole console, bool redirected)
    {
        if (redirected) console.Profile.Width = 100_000;
        return console;
    }
}
