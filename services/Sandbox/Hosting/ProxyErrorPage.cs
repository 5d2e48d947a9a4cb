using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Sandbox;

/// <summary>The page a reverse proxy (nginx, a load balancer) sends when the platform behind it is down: HTML, not the
/// platform's JSON, so a client that parses every error body as JSON meets it here first.</summary>
internal static class ProxyErrorPage
{
    public static IResult For(int status)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        var title = reason.Length > 0 ? $"{status} {reason}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Content(
            $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            "text/html", statusCode: status);
    }
}
