namespace Switchboard.Configuration.Tests;

internal static class ErrorAssert
{
    /// <summary>Asserts the load failed with exactly one error, at this file, line and key; returns it.</summary>
    public static ConfigError Single(IntegrationLoadResult result, string file, int line, string key)
    {
        Assert.Null(result.Integration);
        var error = Assert.Single(result.Errors);
        At(error, file, line, key);
        return error;
    }

    public static void At(ConfigError error, string file, int line, string key) =>
        Assert.Equal((file, line, key), (error.Location.File, error.Location.Line, error.Key));
}
