using System.CommandLine;

namespace Switchboard.Host.Commands;

/// <summary><c>switchboard validate FILE|DIR…</c>: every mistake, with file, line and key; exit 1 when there is one.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = CommonOptions.Files();
        var command = new Command("validate", "Check integration files: every reference and value, every error at once") { files };
        command.SetAction(parse =>
        {
            var integration = CommonOptions.LoadIntegration(parse.GetValue(files)!);
            if (integration is null) return 1;
            Console.WriteLine($"valid: {integration.Clients.Count} clients, {integration.Incoming.Count} incoming, " +
                              $"{integration.Outgoing.Count} outgoing, {integration.Routes.Count} routes");
            return 0;
        });
        return command;
    }
}
