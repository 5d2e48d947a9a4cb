using System.CommandLine;
using Switchboard.Host.Commands;
using Switchboard.Configuration;
using Switchboard.Persistence;

var root = new RootCommand("Switchboard: move products, orders and customers between shop platforms")
{
    DemoCommand.Create(),
    RunCommand.Create(),
    ValidateCommand.Create(),
    ServeCommand.Create(),
    SandboxCommand.Create(),
    GrantCommand.Create(),
    TransformCommand.Create(),
    TasksCommand.Create(),
    ReplayCommand.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (SetupMistakes(ex).ToList() is { Count: > 0 } mistakes)
{
    // Mistakes of setup, not of the program: the messages are the whole story.
    foreach (var mistake in mistakes) await Console.Error.WriteLineAsync($"error: {mistake}");
    return 1;
}
catch (Exception ex)
{
    await Console.Error.WriteLineAsync($"unexpected error: {ex}");
    return 1;
}

// Several services start at once, so their failures may come together (an AggregateException).
static IEnumerable<string> SetupMistakes(Exception ex) => ex switch
{
    SetupException or StateDatabaseException => [ex.Message],
    IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse =>
        [$"{inUse.Message} Is another `switchboard sandbox` or `switchboard demo` still running? (`switchboard sandbox --port-base N` or `--free-ports` puts it elsewhere)"],
    AggregateException all => all.InnerExceptions.SelectMany(SetupMistakes),
    _ => [],
};
