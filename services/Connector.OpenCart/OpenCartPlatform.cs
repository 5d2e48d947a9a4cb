using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;
using Switchboard.Contracts;

namespace Switchboard.Connector.OpenCart;

/// <summary>OpenCart's order-editing API: <c>index.php?route=api/…</c>, every call a POST of PHP form fields, refusals
/// as HTTP 200 <c>{"error": …}</c>. 3.0 and 4.0 work in a login session (<c>api_token</c>); 4.1 signs each call.</summary>
public sealed class OpenCartPlatform : PlatformConnector
{
    public override string Name => "opencart";

    public override EntityCatalog Catalog => OpenCartCatalog.Names;

    public override EntityCatalog CatalogFor(ClientConfig client) => OpenCartCatalog.For(VersionOf(client));

    public override string? Unavailable(ClientConfig client, string entity)
    {
        var version = VersionOf(client);
        var catalog = OpenCartCatalog.For(version);
        return catalog.Find(entity) is not null ? null
            : $"'{entity}' is not available in OpenCart {version.Major}.{version.Minor}; its API has: {string.Join(", ", catalog.Entities.Select(e => e.Name))}";
    }

    public override ClientSettingsSchema ClientSettings { get; } = new(
        new ClientSetting("username", Required: true),
        new ClientSetting("apiKey", Required: true, Secret: true),
        new ClientSetting("version"),
        new ClientSetting("storeId"),
        new ClientSetting("language"),
        new ClientSetting("currency"));

    public override IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings)
    {
        foreach (var problem in base.ValidateClientSettings(settings)) yield return problem;
        if (settings["version"] is JsonValue version && !OpenCartVersion.TryParse(version.ToString(), out _))
            yield return new("version", $"must be 3.0, 4.0 (or the 4.0 release, e.g. 4.0.1.3 or 4.0.2.3: the method separator changed in 4.0.2.0) or 4.1, not '{version}'");
    }

    public override IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context)
    {
        var version = VersionOf(client);
        return version.IsSigned
            ? new OpenCartSignatureAuthenticator(client, context.Clock)
            : new OpenCartSessionAuthenticator(client, version, context.TokenHttpClient);
    }

    public override IReadOnlyList<string>? FailureIn(PlatformAnswer answer) => OpenCartErrors.In(answer.Body);

    public override IReadOnlyList<string> ExplainRefusal(ClientConfig client, HttpRequestMessage request, int status, IReadOnlyList<string> messages) =>
        status == 403 && VersionOf(client).IsSigned ? [.. messages, OpenCartSignatureAuthenticator.WhyRefused(request)] : messages;

    public override Task<PublishResult> PublishAsync(ConnectorClient client, EntityRequest request, string method, JsonObject document, CancellationToken cancellationToken)
    {
        var version = VersionOf(client.Config);
        if (Is(request, OpenCartCatalog.PlaceOrder))
            return OrderPlacement.PlaceAsync(client, version, document, cancellationToken);
        if (version.IsSale && Is(request, OpenCartCatalog.EditOrder))
            return OrderEditing.EditAsync(client, version, request, document, cancellationToken);
        if (version.IsSale && Is(request, OpenCartCatalog.AddHistory))
            return AddHistory40Async(client, request, method, document, cancellationToken);
        return base.PublishAsync(client, request, method, document, cancellationToken);
    }

    private static bool Is(EntityRequest request, string entity) => request.Entity.Equals(entity, StringComparison.OrdinalIgnoreCase);

    /// <summary>4.0's api/sale/order.php addHistory() reads <c>order_id</c> from POST, not from the query as 3.0's
    /// api/order/history does: the same entity (query.order_id) reaches it as a form field.</summary>
    private Task<PublishResult> AddHistory40Async(ConnectorClient client, EntityRequest request, string method, JsonObject document, CancellationToken cancellationToken)
    {
        var resolved = EntityPublisher.Resolve(client, request, document);
        if (!resolved.Query.TryGetValue("order_id", out var orderId) || document["payload"] is not (null or JsonObject))
            return base.PublishAsync(client, request, method, document, cancellationToken);
        var payload = (JsonObject?)document["payload"]?.DeepClone() ?? new JsonObject();
        payload["order_id"] ??= orderId;
        var query = resolved.Query.Where(q => q.Key != "order_id").ToDictionary(q => q.Key, q => q.Value);
        return base.PublishAsync(client, resolved with { Query = query }, method, new JsonObject { ["payload"] = payload }, cancellationToken);
    }

    public static OpenCartVersion VersionOf(ClientConfig client) =>
        OpenCartVersion.TryParse(client.Setting("version"), out var version) ? version : OpenCartVersion.Default;
}
