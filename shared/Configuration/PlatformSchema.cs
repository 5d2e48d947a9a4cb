using System.Text.Json.Nodes;

namespace Switchboard.Configuration;

/// <summary>What configuration validation needs to know of a platform: its client keys and its entity catalog.</summary>
public interface IPlatformSchema
{
    /// <summary>Lower-case platform name as written in <c>platform:</c>.</summary>
    string Name { get; }

    /// <summary>Checks the platform's own client keys; returns problems keyed by dotted path inside the client.</summary>
    IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings);

    /// <summary>Dotted paths of settings whose values are credentials, for redaction.</summary>
    IReadOnlyCollection<string> SecretSettings { get; }

    /// <summary>The entity's schema, or null when the catalog does not have it.</summary>
    EntitySchema? FindEntity(string entity);

    IEnumerable<string> EntityNames { get; }

    /// <summary>Why one client cannot use an entity the platform knows — the API version its store speaks has no such
    /// call (OpenCart 4.1 has no coupon route) — or null when it can.</summary>
    string? Unavailable(ClientConfig client, string entity) => null;

    /// <summary>How an incremental incoming's <c>since</c> is written when its <c>format</c> is not given.</summary>
    SinceFormat DefaultSinceFormat => SinceFormat.Iso8601;
}

/// <summary>A problem with one client setting.</summary>
public sealed record SettingProblem(string Key, string Message)
{
    /// <summary>For an unknown key: the keys the platform knows at that level, so the message can suggest the nearest.</summary>
    public IReadOnlyList<string>? KnownKeys { get; init; }
}

/// <summary>An entity of a platform's catalog as configuration sees it.</summary>
/// <param name="AddressedById">False for calls addressed by their route alone, which take no <c>objectId</c>.</param>
/// <param name="PathPlaceholders">The <c>{name}</c> placeholders of its path and its nested entities' paths, which an
/// entity's <c>path.name</c> fills; null when the platform does not say.</param>
public sealed record EntitySchema(
    string Name,
    IReadOnlySet<string> Methods,
    IReadOnlyDictionary<string, IReadOnlySet<string>> NestedEntities,
    bool AddressedById = true,
    IReadOnlySet<string>? PathPlaceholders = null);

/// <summary>The platforms this build knows, by name.</summary>
public sealed class PlatformSchemas(IEnumerable<IPlatformSchema> platforms)
{
    private readonly Dictionary<string, IPlatformSchema> _byName =
        platforms.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IPlatformSchema? Find(string name) => _byName.GetValueOrDefault(name);
    public IEnumerable<string> Names => _byName.Keys.Order();
}

/// <summary>Checks transformer steps when an integration is validated (implemented by the Transformation library).</summary>
public interface ITransformerValidator
{
    /// <summary>Problems with one step, each a message; empty when it is fine.</summary>
    IEnumerable<string> Validate(TransformerConfig transformer);
}
