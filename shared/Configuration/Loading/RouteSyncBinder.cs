namespace Switchboard.Configuration.Loading;

/// <summary>Reads a route's sync options: <c>fingerprint</c> (change detection) and <c>deleted</c> (deletes in the source).</summary>
internal static class RouteSyncBinder
{
    private static readonly string[] FingerprintKeys = ["ignore"];
    private static readonly string[] DeletedKeys = ["when"];

    /// <summary><c>fingerprint: false</c>, <c>true</c>, or <c>{ ignore: [paths] }</c>; the default when absent or wrong (reported).</summary>
    public static FingerprintConfig Fingerprint(MappingReader route)
    {
        switch (route.Value("fingerprint"))
        {
            case null:
                return FingerprintConfig.Default;
            case LocatedScalar:
                return route.Bool("fingerprint") is { } enabled ? FingerprintConfig.Default with { Enabled = enabled } : FingerprintConfig.Default;
        }
        if (route.Mapping("fingerprint", FingerprintKeys) is not { } fingerprint || fingerprint.Value("ignore") is not { } ignore)
            return FingerprintConfig.Default;
        if (ignore is LocatedSequence list && list.Items.All(i => i is LocatedScalar { IsNull: false }))
            return FingerprintConfig.Default with { Ignore = list.Items.Cast<LocatedScalar>().Select(i => i.Text).ToArray() };
        fingerprint.Error("ignore", $"expected a list of paths (e.g. [date_modified, payload._links]), got {ignore.Description}");
        return FingerprintConfig.Default;
    }

    /// <summary><c>deleted: { when: "&lt;JMESPath condition&gt;" }</c>, or null when absent or wrong (reported).</summary>
    public static DeletedConfig? Deleted(MappingReader route, IExpressionValidator? expressions)
    {
        if (route.Entry("deleted") is null || route.Mapping("deleted", DeletedKeys) is not { } deleted)
            return null;
        if (deleted.Text("when", required: true) is not { } when)
            return null;
        if (expressions?.Problem(when) is { } problem)
        {
            deleted.Error("when", problem);
            return null;
        }
        return new DeletedConfig(when, deleted.LocationOf("when"));
    }

    /// <summary>A route that publishes deletes needs an outgoing that knows the mapped ids and a delete method.</summary>
    public static void CheckDeletes(IReadOnlyDictionary<string, RouteConfig> routes, IReadOnlyDictionary<string, OutgoingConfig> outgoing, ConfigErrors errors)
    {
        foreach (var route in routes.Values.Where(r => r.Deleted is not null))
        {
            if (!outgoing.TryGetValue(route.To, out var target))
                continue;
            var key = ConfigKeys.Child(ConfigKeys.Child(IntegrationSections.RoutesKey, route.Name), "deleted");
            if (target.Upsert is null)
                errors.Add(route.Deleted!.Location, key, $"deletes go to the target id the key mapping holds: outgoing '{target.Name}' needs an upsert");
            else if (target.Upsert.Delete is null)
                errors.Add(route.Deleted!.Location, key, $"outgoing '{target.Name}' cannot delete: its entity allows no DELETE (set upsert.delete to the method that deletes)");
        }
    }
}
