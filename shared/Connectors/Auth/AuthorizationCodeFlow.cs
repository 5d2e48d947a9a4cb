using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;

namespace Switchboard.Connectors.Auth;

/// <summary>An OAuth 2.0 authorization-code client (RFC 6749 §4.1) as a platform's settings describe it.</summary>
public sealed record AuthorizationCodeSettings
{
    public required Uri AuthorizeUrl { get; init; }
    public required Uri TokenUrl { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required Uri RedirectUri { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
}

/// <summary>The "Grant access" dance: print the authorize URL, receive the code on the loopback redirect (or read
/// it pasted), exchange it at the token endpoint. Returns the token endpoint's JSON answer; every failure is a
/// <see cref="GrantException"/> carrying the authorization server's own words.</summary>
public sealed class AuthorizationCodeFlow(AuthorizationCodeSettings settings)
{
    /// <summary>How long the loopback receiver waits for the browser before giving up.</summary>
    public TimeSpan RedirectTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public Uri AuthorizeUri(string? state)
    {
        // Scopes are separated by spaces, which form encoding writes as '+': scope=read_catalog+update_catalog.
        var query = new List<(string, string)>
        {
            ("client_id", settings.ClientId),
            ("redirect_uri", settings.RedirectUri.OriginalString),
            ("response_type", "code"),
            ("scope", string.Join(' ', settings.Scopes)),
        };
        if (state is not null) query.Add(("state", state));
        var separator = settings.AuthorizeUrl.Query.Length > 0 ? "&" : "?";
        return new Uri(settings.AuthorizeUrl.AbsoluteUri + separator + string.Join("&", query.Select(p => $"{p.Item1}={WebUtility.UrlEncode(p.Item2)}")));
    }

    public async Task<JsonObject> RunAsync(GrantContext context, CancellationToken cancellationToken)
    {
        var loopback = !context.Paste && LoopbackCodeReceiver.CanReceive(settings.RedirectUri);
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string code;
        if (loopback)
        {
            using var receiver = LoopbackCodeReceiver.Start(settings.RedirectUri, state);
            await context.Output.WriteLineAsync("Open this address in a browser and grant access:");
            await context.Output.WriteLineAsync(AuthorizeUri(state).ToString());
            await context.Output.WriteLineAsync($"Waiting for the redirect to {settings.RedirectUri} …");
            await context.Output.FlushAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(RedirectTimeout);
            AuthorizationCallback callback;
            try
            {
                callback = await receiver.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new GrantException($"no redirect arrived within {RedirectTimeout.TotalMinutes:0} minutes; run the grant again, or paste the code (--paste).");
            }
            code = CodeOf(callback);
        }
        else
        {
            await context.Output.WriteLineAsync("Open this address in a browser and grant access:");
            await context.Output.WriteLineAsync(AuthorizeUri(state).ToString());
            await context.Output.WriteLineAsync($"The browser is then sent to {settings.RedirectUri}?code=…; paste that address, or just the code, here:");
            await context.Output.FlushAsync(cancellationToken);
            var line = (await context.ReadLine(cancellationToken))?.Trim();
            if (string.IsNullOrEmpty(line))
                throw new GrantException("no code was pasted; nothing was granted.");
            if (Uri.TryCreate(line, UriKind.Absolute, out var pasted) && pasted.Query.Length > 0)
            {
                var callback = AuthorizationCallback.FromQuery(pasted.Query);
                // A bare code is the user's own word; a pasted address that carries a state must carry ours.
                if (callback.State is { } echoed && echoed != state)
                    throw new GrantException("the pasted address carries a state this grant did not send: it belongs to another grant. Run the grant again and paste the address it leads to.");
                code = CodeOf(callback);
            }
            else
                code = line;
        }
        return await ExchangeAsync(code, context.Authentication.TokenHttpClient(), cancellationToken);
    }

    private static string CodeOf(AuthorizationCallback callback) =>
        callback.Error is { } error
            ? throw new GrantException($"access was not granted: {error}{(callback.ErrorDescription is { Length: > 0 } d ? $": {d}" : "")}")
            : callback.Code ?? throw new GrantException("the redirect carried no code.");

    /// <summary>Trades the code for the token (form POST, client credentials in the body as the platforms document it).</summary>
    public async Task<JsonObject> ExchangeAsync(string code, HttpClient http, CancellationToken cancellationToken)
    {
        var redactor = new Redactor([settings.ClientSecret, code]);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = settings.ClientId,
                ["client_secret"] = settings.ClientSecret,
                ["code"] = code,
                ["redirect_uri"] = settings.RedirectUri.OriginalString,
                ["grant_type"] = "authorization_code",
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GrantException($"the token endpoint {settings.TokenUrl} did not answer: {redactor.Redact(e.Message)}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not repeated: the code is single-use, and the endpoint may have taken it before the time ran out.
            throw new GrantException($"the token endpoint {settings.TokenUrl} did not answer in time; run the grant again for a new code.", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new GrantException($"the token endpoint {settings.TokenUrl} refused the code: HTTP {(int)response.StatusCode}: " +
                    redactor.Redact(string.Join("; ", OAuthErrorReader.Read(body, response.Content.Headers.ContentType?.MediaType, "no message"))));
            JsonObject? token = null;
            try
            {
                token = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }
            if (token?["access_token"] is not JsonValue)
                throw new GrantException($"the token endpoint {settings.TokenUrl} answered without an access_token: {redactor.Redact(ErrorBodyReader.Default.Read(body, "text/html").FirstOrDefault())}");
            return token;
        }
    }
}
