using System.CommandLine;
using Switchboard.Host.Commands;

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
return await root.Parse(args).InvokeAsync();
