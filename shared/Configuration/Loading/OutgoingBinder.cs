namespace Switchboard.Configuration.Loading;

/// <summary>Builds and checks one outgoing (publisher).</summary>
internal sealed class OutgoingBinder(EndpointBinder endpoints, ConfigErrors errors)
{
    private static readonly string[] Keys = [.. EndpointBinder.Keys, "method", "upsert"];

    /// <summary>The outgoing, or null when it has errors that prevent building it (all reported).</summary>
    public OutgoingConfig? Bind(LocatedEntry definition)
    {
        var key = ConfigKeys.Child(IntegrationSections.OutgoingKey, definition.Name);
        if (MappingReader.Open(definition.Value, key, definition.Key.Location, errors, Keys) is not { } outgoing)
            return null;

        var endpoint = endpoints.Bind(outgoing);
        var upsert = UpsertBinder.Bind(outgoing, endpoint);
        // An upsert names its methods itself, so method may be left out; the command then says the create method.
        var method = outgoing.Text("method", required: outgoing.Entry("upsert") is null)?.ToUpperInvariant() ?? upsert?.Create;
        if (method is not null && endpoint?.Methods is { } allowed && !allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
            outgoing.Error("method", $"method '{method}' is not allowed for {endpoint.EntityDescription}; allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");

        if (endpoint is null || method is null)
            return null;
        return new OutgoingConfig
        {
            Name = definition.Name,
            Client = endpoint.Client,
            Entity = endpoint.Entity,
            Method = method,
            ObjectId = endpoint.ObjectId,
            NestedEntity = endpoint.NestedEntity,
            NestedObjectId = endpoint.NestedObjectId,
            Path = endpoint.Path,
            Query = endpoint.Query,
            Location = definition.Key.Location,
            Upsert = upsert,
        };
    }
}
