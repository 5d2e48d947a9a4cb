namespace Switchboard.Hosting;

/// <summary>The state databases' connection strings from <c>SWITCHBOARD_DB_SCHEDULER</c> and
/// <c>SWITCHBOARD_DB_TRANSFORMER</c>, by service; a service not named keeps its SQLite file.</summary>
public static class StateConnectionStrings
{
    public static Dictionary<string, string> FromEnvironment()
    {
        var result = new Dictionary<string, string>();
        foreach (var service in new[] { "scheduler", "transformer" })
            if (Environment.GetEnvironmentVariable($"SWITCHBOARD_DB_{service.ToUpperInvariant()}") is { Length: > 0 } cs)
                result[service] = cs;
        return result;
    }
}
