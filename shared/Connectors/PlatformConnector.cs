using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Contracts;

namespace Switchboard.Connectors;

/// <summary>A platform, described declaratively: its name, client settings, authentication, entity catalog,
/// error bodies and rate-limit headers. The SDK does everything else the same way for every platform.</summary>
public abstract class PlatformConnector : IPlatformSchema
{
    /// <summary>Lower-case platform name as written in <c>platform:</c>; also names the connector's queues.</summary>
    public abstract string Name { get; }

    public abstract EntityCatalog Catalog { get; }

    /// <summary>The catalog one client's requests use; platforms whose paths depend on a client setting (OpenCart's
    /// <c>version</c>) give each client its own, under the same entity names as <see cref="Catalog"/>.</summary>
    public virtual EntityCatalog CatalogFor(ClientConfig client) => Catalog;

    public abstract ClientSettingsSchema ClientSettings { get; }

    /// <summary>How this platform's requests carry the client's credentials.</summary>
    public abstract IRequestAuthenticator CreateAuthenticator(ClientConfig client, AuthenticatorContext context);

    /// <summary>The platform's "Grant access" step, or null when its credentials need none.</summary>
    public virtual IAccessGrant? Grant => null;

    public virtual ErrorBodyReader Errors => ErrorBodyReader.Default;

    /// <summary>The platform's own rate-limit headers, beyond the standard <c>Retry-After</c>.</summary>
    public virtual RateLimitHeaders? RateLimitHeaders => null;

    /// <summary>Headers sent with every request.</summary>
    public virtual IReadOnlyDictionary<string, string> DefaultHeaders { get; } =
        new Dictionary<string, string> { ["Accept"] = "application/json" };

    /// <summary>The most pages one run may fetch before it stops with an error (a guard against endless lists).</summary>
    public virtual int MaxPages => 10_000;

    /// <summary>How an incremental incoming's <c>since</c> is written when its <c>format</c> is not given.</summary>
    public virtual SinceFormat DefaultSinceFormat => SinceFormat.Iso8601;

    /// <summary>The platform's own messages when an answer with a success status is really a refusal (OpenCart
    /// answers errors with HTTP 200); null when it is a success.</summary>
    public virtual IReadOnlyList<string>? FailureIn(PlatformAnswer answer) => null;

    /// <summary>The messages of a refusal (a non-success status), with what the platform's bare message leaves out —
    /// OpenCart 4.1 answers every failed signature check with the same 403.</summary>
    public virtual IReadOnlyList<string> ExplainRefusal(ClientConfig client, HttpRequestMessage request, int status, IReadOnlyList<string> messages) =>
        messages;

    /// <summary>Sends one entity to the target store. Platforms whose writes take more than one request
    /// (a version to read first, a sequence of calls) override this; the rest use <see cref="EntityPublisher"/>.</summary>
    public virtual Task<PublishResult> PublishAsync(ConnectorClient client, EntityRequest request, string method, JsonObject document, CancellationToken cancellationToken) =>
        EntityPublisher.PublishAsync(client, request, method, document, cancellationToken);

    public virtual IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings) => ClientSettings.Validate(settings);

    public IReadOnlyCollection<string> SecretSettings => ClientSettings.Secrets;

    public IEnumerable<string> EntityNames => Catalog.Entities.Select(e => e.Name);

    /// <summary>An entity of <see cref="Catalog"/> that the client's own catalog (<see cref="CatalogFor"/>) lacks.</summary>
    public virtual string? Unavailable(ClientConfig client, string entity) =>
        CatalogFor(client).Find(entity) is null ? $"'{entity}' is not available to client '{client.Name}'" : null;

    public EntitySchema? FindEntity(string entity) => Catalog.Find(entity) is { } definition
        ? new EntitySchema(definition.Name, definition.Methods,
            definition.Nested.ToDictionary(n => n.Key, n => n.Value.Methods, StringComparer.OrdinalIgnoreCase), definition.AddressedById,
            definition.Nested.Values.Prepend(definition).SelectMany(d => RequestBuilder.PlaceholdersIn(d.Path)).ToHashSet(StringComparer.Ordinal))
        : null;
}
