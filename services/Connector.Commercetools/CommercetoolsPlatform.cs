using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Writes;
using Switchboard.Contracts;

namespace Switchboard.Connector.Commercetools;

/// <summary>commercetools' HTTP API: OAuth 2.0 client credentials from the region's auth URL, <c>{apiUrl}/{projectKey}/…</c>,
/// paged query results, updates as <c>{version, actions}</c> POSTed to the object, deletes with <c>?version=</c>, and
/// errors as <c>{statusCode, message, errors: [{code, message}]}</c>.</summary>
public sealed class CommercetoolsPlatform : PlatformConnector
{
    /// <summary>Updates are POSTed in commercetools; an outgoing's PUT or PATCH to an object means the same.</summary>
    // https://docs.commercetools.com/api/errors#concurrentmodification: the 409 names the current version.
    private static readonly VersionedWrites Writes = new()
    {
        UpdateMethod = "POST",
        ConflictCodePath = "errors[0].code",
        ConflictCode = "ConcurrentModification",
        ConflictVersionPath = "errors[0].currentVersion",
    };

    public override string Name => "commercetools";

    /// <summary>commercetools filters by a query predicate: where=lastModifiedAt >= "…".</summary>
    public override SinceFormat DefaultSinceFormat => SinceFormat.Where;

    public override EntityCatalog Catalog => CommercetoolsCatalog.Instance;

    public override ClientSettingsSchema ClientSettings { get; } = new(
        new ClientSetting("authUrl", Required: true),
        new ClientSetting("projectKey", Required: true),
        new ClientSetting("clientId", Required: true),
        new ClientSetting("clientSecret", Required: true, Secret: true),
        new ClientSetting("scopes", List: true));

    public override ErrorBodyReader Errors { get; } = new()
    {
        MessageKeys = ["message", "error_description", "error"], DetailKeys = ["errors"], CodeKey = "code", PreferDetails = true,
    };

    public override IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings)
    {
        foreach (var problem in base.ValidateClientSettings(settings)) yield return problem;
        if (settings["authUrl"] is JsonValue url && !(Uri.TryCreate(url.ToString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new("authUrl", $"expected the region's absolute auth URL (https://auth.<region>.commercetools.com), got '{url}'");
    }

    public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context) =>
        new OAuth2ClientCredentialsAuthenticator(Credentials(client), context);

    public override IAccessGrant Grant { get; } = new OAuth2ClientCredentialsGrant(Credentials);

    public override Task<PublishResult> PublishAsync(ConnectorClient client, EntityRequest request, string method, JsonObject document, CancellationToken cancellationToken) =>
        Writes.PublishAsync(client, request, method, document, cancellationToken);

    private static OAuth2ClientCredentials Credentials(ClientConfig client)
    {
        var projectKey = client.Setting("projectKey") ?? "";
        var scopes = client.Settings["scopes"] switch
        {
            JsonArray list => string.Join(' ', list.Select(s => s?.ToString()).Where(s => !string.IsNullOrWhiteSpace(s))),
            JsonValue text => text.ToString(),
            _ => null,
        };
        return new OAuth2ClientCredentials(
            new Uri((client.Setting("authUrl") ?? "").TrimEnd('/') + "/oauth/token"),
            client.Setting("clientId") ?? "",
            client.Setting("clientSecret") ?? "",
            string.IsNullOrWhiteSpace(scopes) ? $"manage_project:{projectKey}" : scopes);
    }
}
