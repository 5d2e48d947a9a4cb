namespace Switchboard.Configuration.Loading;

/// <summary>Reads and checks a <c>transformers:</c> list (of a route, or of an incoming's request).</summary>
internal sealed class TransformerSteps(ITransformerValidator? validator, ConfigErrors errors)
{
    public List<TransformerConfig> Read(MappingReader owner)
    {
        var steps = new List<TransformerConfig>();
        if (owner.Value("transformers") is not { } node)
            return steps;
        if (node is not LocatedSequence sequence)
        {
            owner.Error("transformers", $"expected a list of transformer steps, got {node.Description}");
            return steps;
        }

        for (var position = 0; position < sequence.Items.Count; position++)
        {
            var item = sequence.Items[position];
            var key = ConfigKeys.Item(owner.KeyOf("transformers"), position);
            if (Step(item, key, position) is not { } step)
                continue;
            steps.Add(step);
            if (validator is not null && !item.ContainsUnresolved)
                foreach (var message in validator.Validate(step))
                    errors.Add(step.Location, key, message);
        }
        return steps;
    }

    private TransformerConfig? Step(LocatedNode item, string key, int position)
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
