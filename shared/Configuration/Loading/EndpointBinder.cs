namespace Switchboard.Configuration.Loading;

/// <summary>Reads and checks the keys incoming and outgoing share, against the client's platform catalog.</summary>
internal sealed class EndpointBinder(
    IntegrationSections sections,
    IReadOnlyDictionary<string, ClientConfig> clients,
    PlatformSchemas platforms)
{
    public static readonly string[] Keys = ["client", "entity", "objectId", "nestedEntity", "nestedObjectId", "path", "query"];

    /// <summary>The endpoint, or null when a required key is missing (reported).</summary>
    public Endpoint? Bind(MappingReader reader)
    {
        var clientName = reader.Text("client", required: true);
        var entity = reader.Text("entity", required: true);
        var objectId = reader.Text("objectId");
        var nestedEntity = reader.Text("nestedEntity");
        var nestedObjectId = reader.Text("nestedObjectId");
        var path = reader.TextMap("path");
        var query = reader.TextMap("query");

        if (nestedObjectId is not null && reader.Entry("nestedEntity") is null)
            reader.Error("nestedObjectId", "nestedObjectId needs a nestedEntity");

        var platform = clientName is null ? null : ClientPlatform(reader, clientName);
        var methods = platform is null || entity is null ? null : Methods(reader, platform, entity, nestedEntity);
        if (methods is not null && clients.GetValueOrDefault(clientName!) is { } client
            && platform!.Unavailable(client, entity!) is { } unavailable)
        {
            reader.Error("entity", unavailable);
            methods = null;
        }

        if (clientName is null || entity is null)
            return null;
        return new Endpoint(
            clientName, entity, objectId, nestedEntity, nestedObjectId,
            path ?? new Dictionary<string, string>(), query ?? new Dictionary<string, string>(), methods,
            methods is null ? null : platform?.FindEntity(entity)?.PathPlaceholders);
    }

    /// <summary>The platform of a defined, valid client; null otherwise.</summary>
    public IPlatformSchema? PlatformOf(string clientName) =>
        clients.TryGetValue(clientName, out var client) ? platforms.Find(client.Platform) : null;

    /// <summary>The platform of the referenced client; null (without further checks) when the client is unknown or broken.</summary>
    private IPlatformSchema? ClientPlatform(MappingReader reader, string clientName)
    {
        if (!sections.Clients.ContainsKey(clientName))
        {
            if (sections.Complete)
                reader.Error("client", $"unknown client '{clientName}'{NameSuggestions.For(clientName, sections.Clients.Keys)}");
            return null;
        }
        return clients.TryGetValue(clientName, out var client) ? platforms.Find(client.Platform) : null;
    }

    private static IReadOnlySet<string>? Methods(MappingReader reader, IPlatformSchema platform, string entity, string? nestedEntity)
    {
        if (platform.FindEntity(entity) is not { } schema)
        {
            reader.Error("entity", $"unknown {platform.Name} entity '{entity}'{NameSuggestions.For(entity, platform.EntityNames)}");
            return null;
        }
        if (!schema.AddressedById)
        {
            foreach (var key in new[] { "objectId", "nestedEntity" }.Where(k => reader.Entry(k) is not null))
                reader.Error(key, $"{platform.Name} '{schema.Name}' is a call addressed by its route alone and takes no {key}; send ids as payload fields");
            return schema.Methods;
        }
        if (nestedEntity is null)
            return schema.Methods;
        if (schema.NestedEntities.TryGetValue(nestedEntity, out var nestedMethods))
            return nestedMethods;

        reader.Error("nestedEntity", schema.NestedEntities.Count == 0
            ? $"{platform.Name} entity '{entity}' has no nested entities"
            : $"unknown nested entity '{nestedEntity}' of {platform.Name} {entity}; allowed: {string.Join(", ", schema.NestedEntities.Keys.Order(StringComparer.Ordinal))}");
        return null;
    }
}
