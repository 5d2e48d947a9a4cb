using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;

namespace Switchboard.Connector.OpenCart;

/// <summary>3.0 and 4.0: <c>api/login</c> (4.0 <c>api/account/login</c>) with username and key opens a session whose id,
/// <c>api_token</c>, goes in the query of every later call. The store drops it after an hour without use and then
/// answers every route "You do not have permission to access the API!" with HTTP 200.</summary>
public sealed class OpenCartSessionAuthenticator(ClientConfig client, OpenCartVersion version, Func<HttpClient> http) : SessionAuthenticator
{
    protected override Task<string> LoginAsync(CancellationToken cancellationToken) =>
        OpenCartLogin.LoginAsync(http(), client, version, cancellationToken);

    protected override void Apply(HttpRequestMessage request, string session) =>
        QueryParameters.Set(request, OpenCartLogin.SessionQuery(client, session));

    protected override bool SaysSessionExpired(HttpResponseMessage response, string body) =>
        response.IsSuccessStatusCode && OpenCartErrors.SaysSessionExpired(body);
}

/// <summary>The login call itself, shared by the client's session and the sessions an order placement opens.</summary>
public static class OpenCartLogin
{
    public static Uri LoginUri(ClientConfig client, OpenCartVersion version) =>
        new($"{client.BaseUri.ToString().TrimEnd('/')}/index.php?route={OpenCartCatalog.LoginRoute(version)}");

    public static HttpRequestMessage Request(ClientConfig client, OpenCartVersion version) =>
        new(HttpMethod.Post, LoginUri(client, version))
        {
            Content = new FormUrlEncodedContent(
            [
                new("username", client.Setting("username") ?? ""),
                new("key", client.Setting("apiKey") ?? ""),
            ]),
        };

    public static IEnumerable<KeyValuePair<string, string>> SessionQuery(ClientConfig client, string session)
    {
        yield return new("api_token", session);
        if (client.Setting("storeId") is { Length: > 0 } store) yield return new("store_id", store);
    }

    public static async Task<string> LoginAsync(HttpClient http, ClientConfig client, OpenCartVersion version, CancellationToken cancellationToken)
    {
        using var request = Request(client, version);
        var described = $"POST {request.RequestUri}";
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? answer = null;
        try
        {
            answer = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }
        return TokenIn(answer, (int)response.StatusCode, described)
            ?? throw Refused((int)response.StatusCode, answer, body, described);
    }

    /// <summary>The session id of a successful login answer, or null.</summary>
    public static string? TokenIn(JsonNode? answer, int status, string request) =>
        status is >= 200 and < 300 && answer is JsonObject o && o["api_token"] is JsonValue token
            && token.ToString() is { Length: > 0 } text && OpenCartErrors.In(answer).Count == 0 ? text : null;

    public static PlatformException Refused(int status, JsonNode? answer, string body, string request)
    {
        var messages = OpenCartErrors.In(answer);
        return new PlatformException(new PlatformError
        {
            StatusCode = status,
            Messages = messages.Count > 0 ? ["login refused: " + string.Join("; ", messages)]
                // 3.0 answers an unknown username or key with an empty array.
                : [$"login refused: the store answered without an api_token ({(body.Length > 200 ? body[..200] : body).Trim()}); check username and apiKey"],
            Request = request,
            Transient = RetryRules.IsTransient(HttpMethod.Post, status),
        });
    }
}
