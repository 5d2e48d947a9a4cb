using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The state dimension of a theory: the services keep their state in SQLite files or on PostgreSQL.</summary>
public static class StateTheories
{
    public static TheoryData<string> States => new() { "sqlite", "postgres" };

    public static TheoryData<string, string> TransportsAndStates => new()
    {
        { "inmemory", "sqlite" }, { "rabbitmq", "sqlite" }, { "inmemory", "postgres" }, { "rabbitmq", "postgres" },
    };
}
