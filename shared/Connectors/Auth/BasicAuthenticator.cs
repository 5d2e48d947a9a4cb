using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Connectors.Auth;

/// <summary>HTTP Basic (RFC 7617) on every request: <c>Authorization: Basic base64(user:password)</c>, UTF-8 encoded.
/// CS-Cart takes the administrator's e-mail as user and the API key as password.</summary>
public sealed class BasicAuthenticator(string user, string password) : IRequestAuthenticator
{
    private readonly AuthenticationHeaderValue _header =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _header;
        return ValueTask.CompletedTask;
    }
}
