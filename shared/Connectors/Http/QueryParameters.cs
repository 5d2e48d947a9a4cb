namespace Switchboard.Connectors.Http;

/// <summary>Sets query parameters on a request's URI, replacing earlier values of the same names — so credentials
/// put on every attempt of a retried request are not repeated.</summary>
public static class QueryParameters
{
    public static void Set(HttpRequestMessage request, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("the request has no URI");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var (name, value) in parameters)
        {
            names.Add(name);
            added.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        }
        var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !names.Contains(Uri.UnescapeDataString(pair.Split('=', 2)[0])));
        var builder = new UriBuilder(uri) { Query = string.Join('&', kept.Concat(added)) };
        request.RequestUri = builder.Uri;
    }

    /// <summary>The value of one query parameter, decoded, or null.</summary>
    public static string? Get(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(kv => Uri.UnescapeDataString(kv[0]) == name)
            .Select(kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "")
            .LastOrDefault();
}
