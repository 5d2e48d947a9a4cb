namespace Switchboard.Configuration.Loading;

/// <summary>A route's <c>keyMappingsOf</c>: the route whose key mappings it shares. The mappings hold ids of one
/// outgoing's target, so both routes must publish to that outgoing; and the named route keeps its own.</summary>
internal static class SharedKeyMappings
{
    public static void Check(IReadOnlyDictionary<string, RouteConfig> routes, ConfigErrors errors)
    {
        foreach (var route in routes.Values.Where(r => r.KeyMappingsOf is not null))
        {
            var key = ConfigKeys.Child(ConfigKeys.Child(IntegrationSections.RoutesKey, route.Name), "keyMappingsOf");
            if (route.KeyMappingsOf == route.Name)
                errors.Add(route.KeyMappingsOfLocation, key, "a route keeps its own key mappings without this; name the route whose mappings it shares");
            else if (!routes.TryGetValue(route.KeyMappingsOf!, out var owner))
                continue; // reported as an unknown route
            else if (owner.KeyMappingsOf is { } further)
                errors.Add(route.KeyMappingsOfLocation, key,
                    $"route '{owner.Name}' shares the key mappings of route '{further}' itself: name '{further}' here");
            else if (owner.To != route.To)
                errors.Add(route.KeyMappingsOfLocation, key,
                    $"route '{owner.Name}' publishes to outgoing '{owner.To}', and this route to '{route.To}': key mappings hold the ids of "
                    + "one outgoing's target, so both routes must publish to the same outgoing");
        }
    }
}
