using System.Text.Json.Nodes;
using Switchboard.Configuration;

namespace Switchboard.Hosting;

/// <summary>Every platform Switchboard supports. A process validates in full the platforms whose connectors it
/// runs, and only the shape of the others (a Scheduler alone does not carry the connectors' catalogs).</summary>
public static class KnownPlatforms
{
    public static readonly IReadOnlyList<string> Names = ["bigcommerce", "commercetools", "cs-cart", "ecwid", "opencart"];

    public static PlatformSchemas For(IEnumerable<ISwitchboardModule> modules)
    {
        var full = modules.SelectMany(m => m.Platforms).ToList();
        var opaque = Names.Where(n => full.All(p => !p.Name.Equals(n, StringComparison.OrdinalIgnoreCase)))
            .Select(n => (IPlatformSchema)new OpaquePlatformSchema(n));
        return new PlatformSchemas(full.Concat(opaque));
    }

    /// <summary>A platform known by name only: any setting, entity and method is accepted here and checked by its connector.</summary>
    private sealed class OpaquePlatformSchema(string name) : IPlatformSchema
    {
        private static readonly IReadOnlySet<string> AnyMethod = new HashSet<string> { "GET", "POST", "PUT", "PATCH", "DELETE" };
        public string Name => name;
        public IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings) => [];
        public IReadOnlyCollection<string> SecretSettings => ["accessToken", "auth.accessToken", "auth.clientSecret", "apiKey", "password"];
        public EntitySchema? FindEntity(string entity) => new(entity, AnyMethod, AnyNestedEntity.Instance);
        public IEnumerable<string> EntityNames => [];
    }

    /// <summary>Every nested entity name is accepted, with every method.</summary>
    private sealed class AnyNestedEntity : IReadOnlyDictionary<string, IReadOnlySet<string>>
    {
        public static readonly AnyNestedEntity Instance = new();
        private static readonly IReadOnlySet<string> AnyMethod = new HashSet<string> { "GET", "POST", "PUT", "PATCH", "DELETE" };
        public IReadOnlySet<string> this[string key] => AnyMethod;
        public IEnumerable<string> Keys => [];
        public IEnumerable<IReadOnlySet<string>> Values => [];
        public int Count => 0;
        public bool ContainsKey(string key) => true;
        public bool TryGetValue(string key, out IReadOnlySet<string> value)
        {
            value = AnyMethod;
            return true;
        }
        public IEnumerator<KeyValuePair<string, IReadOnlySet<string>>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, IReadOnlySet<string>>>().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
