using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;

namespace Switchboard.Connector.BigCommerce;

/// <summary>BigCommerce's REST Management API: <c>X-Auth-Token</c>, v3 <c>{data, meta.pagination}</c> lists paged by
/// page and limit, v2 bare arrays paged until a short or empty (204) page, and its rate-limit headers.</summary>
public sealed class BigCommercePlatform : PlatformConnector
{
    public override string Name => "bigcommerce";

    public override EntityCatalog Catalog => BigCommerceCatalog.Instance;

    public override ClientSettingsSchema ClientSettings { get; } = new(
        new ClientSetting("accessToken", Required: true, Secret: true),
        new ClientSetting("clientId"));

    public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context) =>
        new HeaderAuthenticator("X-Auth-Token", client.Setting("accessToken") ?? "");

    // 429 answers carry the wait in X-Rate-Limit-Time-Reset-Ms, not Retry-After.
    public override RateLimitHeaders RateLimitHeaders { get; } =
        new("X-Rate-Limit-Requests-Left", "X-Rate-Limit-Time-Reset-Ms", ResetIsMilliseconds: true);
}
