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

    public override EntityCatalog Catalog => EcwidCatalog.Instance;

    public override ClientSettingsSchema ClientSettings { get; } = new(
        new ClientSetting("storeId", Required: true),
        new ClientSetting("clientId"),
        new ClientSetting("auth.type", Required: true, OneOf: ["token", "oauth"]),
        new ClientSetting("auth.accessToken", Secret: true),
        new ClientSetting("auth.clientId"),
        new ClientSetting("auth.clientSecret", Secret: true),
        new ClientSetting("auth.redirectUri"),
        new ClientSetting("auth.scopes"));

    public override IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings)
    {
        foreach (var problem in base.ValidateClientSettings(settings)) yield return problem;
        var type = JsonPaths.Find(settings, "auth.type")?.ToString();
        if (type == "token" && string.IsNullOrWhiteSpace(JsonPaths.Find(settings, "auth.accessToken")?.ToString()))
            yield return new("auth.accessToken", "is required when auth.type is token");
        if (type == "oauth")
            yield return new("auth.type", "the OAuth grant is not available yet; use type: token with the app's access token");
    }

    public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context) =>
        new BearerAuthenticator(client.Setting("auth.accessToken") ?? "");
}
