namespace Switchboard.Configuration.Loading;

/// <summary>Dotted configuration keys, as errors name them (<c>clients.bc-store.accessToken</c>).</summary>
internal static class ConfigKeys
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
