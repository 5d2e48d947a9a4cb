namespace Switchboard.Connectors.Catalog;

/// <summary>The named entities a connector knows.</summary>
public sealed class EntityCatalog
{
    private readonly Dictionary<string, EntityDefinition> _entities;

    public EntityCatalog(IEnumerable<EntityDefinition> entities) =>
        _entities = entities.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<EntityDefinition> Entities => _entities.Values;

    public EntityDefinition? Find(string name) => _entities.GetValueOrDefault(name);

    public EntityDefinition Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"entity '{name}' is not in the catalog");
}
