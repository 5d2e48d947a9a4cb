using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Catalog;
using Switchboard.Connectors.Errors;

namespace Switchboard.Connectors;

/// <summary>A platform, described declaratively: its name, client settings, authentication, entity catalog,
/// error bodies and rate-limit headers. The SDK does everything else the same way for every platform.</summary>
public abstract class PlatformConnector : IPlatformSchema
{
    /// <summary>Lower-case platform name as written in <c>platform:</c>; also names the connector's queues.</summary>
    public abstract string Name { get; }

    public abstract EntityCatalog Catalog { get; }

    public abstract ClientSettingsSchema ClientSettings { get; }

    /// <summary>How this platform's requests carry the client's credentials.</summary>
    public abstract IRequestAuthenticator CreateAuthenticator(ClientConfig client);

    public virtual ErrorBodyReader Errors => ErrorBodyReader.Default;

    /// <summary>The platform's own rate-limit headers, beyond the standard <c>Retry-After</c>.</summary>
    public virtual RateLimitHeaders? RateLimitHeaders => null;

    /// <summary>Headers sent with every request.</summary>
    public virtual IReadOnlyDictionary<string, string> DefaultHeaders { get; } =
        new Dictionary<string, string> { ["Accept"] = "application/json" };

    /// <summary>The most pages one run may fetch before it stops with an error (a guard against endless lists).</summary>
    public virtual int MaxPages => 10_000;

    public virtual IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings) => ClientSettings.Validate(settings);

    public IReadOnlyCollection<string> SecretSettings => ClientSettings.Secrets;

    public IEnumerable<string> EntityNames => Catalog.Entities.Select(e => e.Name);

    public EntitySchema? FindEntity(string entity) => Catalog.Find(entity) is { } definition
        ? new EntitySchema(definition.Name, definition.Methods,
            definition.Nested.ToDictionary(n => n.Key, n => n.Value.Methods, StringComparer.OrdinalIgnoreCase))
        : null;
}
