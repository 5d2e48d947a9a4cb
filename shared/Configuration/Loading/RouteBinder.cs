namespace Switchboard.Configuration.Loading;

/// <summary>Builds and checks one route: its ends and its transformer steps.</summary>
internal sealed class RouteBinder(IntegrationSections sections, ITransformerValidator? validator, ConfigErrors errors)
{
    private static readonly string[] Keys = ["from", "to", "key", "transformers", "fingerprint", "deleted", "retry"];

    /// <summary>The route, or null when it has errors that prevent building it (all reported).</summary>
    public RouteConfig? Bind(LocatedEntry definition)
    {
        var key = ConfigKeys.Child(IntegrationSections.RoutesKey, definition.Name);
        if (MappingReader.Open(definition.Value, key, definition.Key.Location, errors, Keys) is not { } route)
            return null;

        var from = Reference(route, "from", "incoming", sections.Incoming.Keys);
        var to = Reference(route, "to", "outgoing", sections.Outgoing.Keys);
        var entityKey = route.Text("key");
        var transformers = Transformers(route);
        var fingerprint = RouteSyncBinder.Fingerprint(route);
        var deleted = RouteSyncBinder.Deleted(route, validator as IExpressionValidator);
        var retry = RetryBinder.Bind(route);

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
        };
    }

    private string? Reference(MappingReader route, string name, string section, IEnumerable<string> defined)
    {
        var target = route.Text(name, required: true);
        if (target is not null && !defined.Contains(target) && sections.Complete)
            route.Error(name, $"unknown {section} '{target}'{NameSuggestions.For(target, defined)}");
        return target;
    }

    private List<TransformerConfig> Transformers(MappingReader route)
    {
        var steps = new List<TransformerConfig>();
        if (route.Value("transformers") is not { } node)
            return steps;
        if (node is not LocatedSequence sequence)
        {
            route.Error("transformers", $"expected a list of transformer steps, got {node.Description}");
            return steps;
        }

        for (var position = 0; position < sequence.Items.Count; position++)
        {
            var item = sequence.Items[position];
            var key = ConfigKeys.Item(route.KeyOf("transformers"), position);
            if (TransformerStep(item, key, position) is not { } step)
                continue;
            steps.Add(step);
            if (validator is not null && !item.ContainsUnresolved)
                foreach (var message in validator.Validate(step))
                    errors.Add(step.Location, key, message);
        }
        return steps;
    }

    private TransformerConfig? TransformerStep(LocatedNode item, string key, int position)
    {
        if (item is LocatedMapping { Entries: [var only] })
            return new TransformerConfig(only.Name, YamlJson.ToJson(only.Value), key, position, item.Location);

        var found = item switch
        {
            LocatedMapping { Entries.Count: 0 } => "an empty mapping",
            LocatedMapping mapping => $"{mapping.Entries.Count} keys ({string.Join(", ", mapping.Entries.Select(e => e.Name))})",
            _ => item.Description,
        };
        errors.Add(item.Location, key, $"a transformer step is a mapping with one key, its kind (e.g. 'map:'), got {found}");
        return null;
    }
}
