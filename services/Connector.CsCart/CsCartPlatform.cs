using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Errors;

namespace Switchboard.Connector.CsCart;

/// <summary>CS-Cart's REST API 2.0 (<c>{baseUri}/api/2.0/{object}</c>): HTTP Basic with the administrator's e-mail and
/// API key, lists under the object's plural key with <c>params.total_items</c>, created ids in <c>&lt;object&gt;_id</c>,
/// numbers sent as strings.</summary>
public sealed class CsCartPlatform : PlatformConnector
{
    public override string Name => "cs-cart";

    /// <summary>CS-Cart keeps times as UNIX seconds (timestamp, updated_timestamp).</summary>
    public override SinceFormat DefaultSinceFormat => SinceFormat.Unix;

    public override EntityCatalog Catalog => CsCartCatalog.Instance;

    public override ClientSettingsSchema ClientSettings { get; } = new(
        new ClientSetting("email", Required: true),
        new ClientSetting("apiKey", Required: true, Secret: true));

    public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context) =>
        new BasicAuthenticator(client.Setting("email") ?? "", client.Setting("apiKey") ?? "");

    // CS-Cart's error "message" already joins every error ("Bad Request: Required field … is missing"); reading
    // "errors" as well would repeat each one.
    public override ErrorBodyReader Errors { get; } = new() { MessageKeys = ["message"], DetailKeys = [] };
}
