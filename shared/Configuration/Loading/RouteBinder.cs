namespace Switchboard.Configuration.Loading;

/// <summary>Builds and checks one route: its ends and its transformer steps.</summary>
internal sealed class RouteBinder(IntegrationSections sections, ITransformerValidator? validator, ConfigErrors errors)
{
    private static readonly string[] Keys = ["from", "to", "key", "transformers", "fingerprint", "deleted", "retry", "keyMappingsOf"];

    /// <summary>The route, or null when it has errors that prevent building it (all reported).</summary>
    public RouteConfig? Bind(LocatedEntry definition)
    {
        var key = ConfigKeys.Child(IntegrationSections.RoutesKey, definition.Name);
        if (MappingReader.Open(definition.Value, key, definition.Key.Location, errors, Keys) is not { } route)
            return null;

        var from = Reference(route, "from", "incoming", sections.Incoming.Keys);
        var to = Reference(route, "to", "outgoing", sections.Outgoing.Keys);
        var entityKey = route.Text("key");
        var transformers = new TransformerSteps(validator, errors).Read(route);
        LookupRoutes.Check(route, sections, errors);
        var fingerprint = RouteSyncBinder.Fingerprint(route);
        var deleted = RouteSyncBinder.Deleted(route, validator as IExpressionValidator);
        var retry = RetryBinder.Bind(route);
        var keyMappingsOf = route.Entry("keyMappingsOf") is null ? null : Reference(route, "keyMappingsOf", "route", sections.Routes.Keys);

        if (from is null || to is null)
            return null;
        return new RouteConfig
        {
            Name = definition.Name,
            From = from,
            To = to,
            Key = entityKey ?? "id",
            Transformers = transformers,
            Retry = retry,
            Location = definition.Key.Location,
            Fingerprint = fingerprint,
            Deleted = deleted,
            KeyMappingsOf = keyMappingsOf,
            KeyMappingsOfLocation = route.LocationOf("keyMappingsOf"),
        };
    }

    private string? Reference(MappingReader route, string name, string section, IEnumerable<string> defined)
    {
        var target = route.Text(name, required: true);
        if (target is not null && !defined.Contains(target) && sections.Complete)
            route.Error(name, $"unknown {section} '{target}'{NameSuggestions.For(target, defined)}");
        return target;
    }
}
