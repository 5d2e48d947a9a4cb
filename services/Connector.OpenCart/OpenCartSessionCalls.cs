using System.Text.Json.Nodes;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;

namespace Switchboard.Connector.OpenCart;

/// <summary>The calls of a sequence that keeps its own session (Order - Place on 3.0/4.0, Order - Edit on 4.0): its
/// login, and each catalog route posted with that session's token instead of the client's shared one.</summary>
internal static class OpenCartSessionCalls
{
    public static async Task<string> LoginAsync(ConnectorClient client, OpenCartVersion version, CancellationToken cancellationToken)
    {
        using var request = OpenCartLogin.Request(client.Config, version);
        request.Options.Set(SessionAuthenticator.OwnSession, true);
        var answer = await client.SendAsync(request, cancellationToken);
        return OpenCartLogin.TokenIn(answer.Body, answer.StatusCode, answer.Request)
            ?? throw OpenCartLogin.Refused(answer.StatusCode, answer.Body, answer.Body?.ToJsonString() ?? "", answer.Request);
    }

    /// <summary>Posts <paramref name="fields"/> to the route of catalog entity <paramref name="entity"/>; without a
    /// session (4.1) the client's authenticator signs the call.</summary>
    public static async Task<JsonNode?> SendAsync(ConnectorClient client, string entity, JsonObject? fields, string? session,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? query = null)
    {
        var uri = client.Requests.Build(new EntityRequest { Entity = entity }, query ?? new Dictionary<string, string>());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = PhpFormEncoding.Content(fields ?? new JsonObject()),
        };
        if (session is not null)
        {
            request.Options.Set(SessionAuthenticator.OwnSession, true);
            QueryParameters.Set(request, OpenCartLogin.SessionQuery(client.Config, session));
        }
        return (await client.SendAsync(request, cancellationToken)).Body;
    }
}
