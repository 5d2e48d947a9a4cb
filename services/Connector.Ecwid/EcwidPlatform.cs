using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;

namespace Switchboard.Connector.Ecwid;

/// <summary>Ecwid's REST API v3: <c>{baseUri}/{storeId}/…</c>, <c>Authorization: Bearer</c>, lists
/// <c>{total, count, offset, limit, items}</c> paged by offset and limit, 429 with <c>Retry-After</c>.</summary>
public sealed class EcwidPlatform : PlatformConnector
{
    public override string Name => "ecwid";

    /// <summary>Ecwid reads updatedFrom as UNIX seconds.</summary>
    public override SinceFormat DefaultSinceFormat => SinceFormat.Unix;

    public override EntityCatalog Catalog => EcwidCatalog.Instance;

    public override ClientSettingsSchema ClientSettings { get; } = new(
        new ClientSetting("storeId", Required: true),
        new ClientSetting("clientId"),
        new ClientSetting("auth.type", Required: true, OneOf: ["token", "oauth"]),
        new ClientSetting("auth.accessToken", Secret: true),
        new ClientSetting("auth.clientId"),
        new ClientSetting("auth.clientSecret", Secret: true),
        new ClientSetting("auth.redirectUri"),
        new ClientSetting("auth.scopes", List: true),
        new ClientSetting("auth.authorizeUrl"),
        new ClientSetting("auth.tokenUrl"));

    public override IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings)
    {
        foreach (var problem in base.ValidateClientSettings(settings)) yield return problem;
        var type = JsonPaths.Find(settings, "auth.type")?.ToString();
        if (type == "token" && string.IsNullOrWhiteSpace(JsonPaths.Find(settings, "auth.accessToken")?.ToString()))
            yield return new("auth.accessToken", "is required when auth.type is token");
        if (string.Equals(type, "oauth", StringComparison.OrdinalIgnoreCase))
            foreach (var problem in EcwidOAuth.Validate(settings)) yield return problem;
    }

    /// <summary>A token from the integration files, or the one <c>switchboard grant</c> stored for the client.</summary>
    public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context) =>
        EcwidOAuth.IsOAuth(client)
            ? new StoredGrantAuthenticator(client.Name, new EncryptedGrantStore(context.StateDirectory, context.Environment))
            : new BearerAuthenticator(client.Setting("auth.accessToken") ?? "");

    public override IAccessGrant Grant { get; } = new EcwidGrant();
}
