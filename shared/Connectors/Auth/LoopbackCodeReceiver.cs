using System.Net;
using System.Text;
using System.Web;

namespace Switchboard.Connectors.Auth;

/// <summary>What the authorization server sent back on the redirect: the query parameters (<c>code</c>, or
/// <c>error</c> and <c>error_description</c>, and <c>state</c>).</summary>
public sealed record AuthorizationCallback(IReadOnlyDictionary<string, string> Parameters)
{
    public string? Code => Parameters.GetValueOrDefault("code");
    public string? Error => Parameters.GetValueOrDefault("error");
    public string? ErrorDescription => Parameters.GetValueOrDefault("error_description");
    public string? State => Parameters.GetValueOrDefault("state");

    public static AuthorizationCallback FromQuery(string query)
    {
        var parsed = HttpUtility.ParseQueryString(query);
        return new(parsed.AllKeys.OfType<string>().ToDictionary(k => k, k => parsed[k] ?? "", StringComparer.Ordinal));
    }
}

/// <summary>Listens on a loopback redirect URI for the one browser visit that brings the authorization code,
/// answers the browser with a short page, and hands the parameters over.</summary>
public sealed class LoopbackCodeReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _redirectUri;
    private readonly string _state;

    private LoopbackCodeReceiver(Uri redirectUri, string state) => (_redirectUri, _state) = (redirectUri, state);

    /// <summary>True for <c>http://</c> on 127.0.0.1, ::1 or localhost with an explicit port: where this process can listen.</summary>
    public static bool CanReceive(Uri redirectUri) =>
        redirectUri.Scheme == Uri.UriSchemeHttp && redirectUri.IsLoopback && !redirectUri.IsDefaultPort;

    /// <summary>Starts listening before the user is sent to the authorize page, so the redirect cannot come too early.</summary>
    /// <param name="state">The <c>state</c> sent to the authorize page: only a redirect echoing it exactly is taken,
    /// so no other page or person can hand this grant a code it did not ask for (RFC 6749 §10.12).</param>
    public static LoopbackCodeReceiver Start(Uri redirectUri, string state)
    {
        if (!CanReceive(redirectUri))
            throw new GrantException($"the redirect URI {redirectUri} is not an http://127.0.0.1:PORT/… or http://localhost:PORT/… address this computer can listen on; paste the code instead (--paste).");
        var receiver = new LoopbackCodeReceiver(redirectUri, state);
        // The whole port: the path is checked per request, so a browser's /favicon.ico does not end the wait.
        receiver._listener.Prefixes.Add($"http://{redirectUri.Authority}/");
        try
        {
            receiver._listener.Start();
        }
        catch (HttpListenerException e)
        {
            receiver.Dispose();
            throw new GrantException($"cannot listen on {redirectUri.Authority} for the redirect: {e.Message}. Free the port, or paste the code instead (--paste).", e);
        }
        return receiver;
    }

    /// <summary>Waits for the visit to the redirect path that carries this grant's <c>state</c> and a <c>code</c> or an <c>error</c>.</summary>
    public async Task<AuthorizationCallback> WaitAsync(CancellationToken cancellationToken)
    {
        await using var stop = cancellationToken.Register(_listener.Stop);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("stopped waiting for the authorization redirect", e, cancellationToken);
            }
            var url = context.Request.Url!;
            if (!string.Equals(url.AbsolutePath.TrimEnd('/'), _redirectUri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
            {
                await AnswerAsync(context, 404, "Not the Switchboard redirect", "This address is not where Switchboard waits for the authorization.");
                continue;
            }
            var callback = AuthorizationCallback.FromQuery(url.Query);
            if (callback.Code is null && callback.Error is null)
            {
                await AnswerAsync(context, 400, "No authorization code", "The redirect carried neither a code nor an error; Switchboard is still waiting.");
                continue;
            }
            if (!string.Equals(callback.State, _state, StringComparison.Ordinal))
            {
                await AnswerAsync(context, 400, "Not this grant's redirect",
                    "The redirect did not carry the state this grant sent, so Switchboard ignored it and is still waiting.");
                continue;
            }
            if (callback.Error is { } error)
                await AnswerAsync(context, 200, "Access not granted", $"The platform answered: {error} {callback.ErrorDescription}. You can close this tab.");
            else
                await AnswerAsync(context, 200, "Access granted", "Switchboard received the authorization and is completing it. You can close this tab.");
            return callback;
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string title, string text)
    {
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
            $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();
}
