using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Switchboard.Connectors.Pagination;

/// <summary>Reads the <c>rel="next"</c> target of RFC 8288 <c>Link</c> headers.</summary>
public static partial class LinkHeader
{
    public static string? Next(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
            foreach (Match m in LinkPart().Matches(value))
                if (m.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
                    return m.Groups["uri"].Value;
        return null;
    }

    [GeneratedRegex("""<(?<uri>[^>]*)>\s*;[^,]*?rel="?(?<rel>[^",;]+)"?""")]
    private static partial Regex LinkPart();
}
