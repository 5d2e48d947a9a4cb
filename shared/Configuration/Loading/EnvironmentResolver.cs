namespace Switchboard.Configuration.Loading;

/// <summary>Resolves environment references in every scalar value of a tree (keys are names and stay as written).</summary>
internal sealed class EnvironmentResolver(Func<string, string?> environment, ConfigErrors errors)
{
    public LocatedNode Resolve(LocatedNode node, string key) => node switch
    {
        LocatedScalar scalar => ResolveScalar(scalar, key),
        LocatedSequence sequence => sequence with
        {
            Items = sequence.Items.Select((item, index) => Resolve(item, ConfigKeys.Item(key, index))).ToList(),
        },
        LocatedMapping mapping => mapping with
        {
            Entries = mapping.Entries
                .Select(entry => entry with { Value = Resolve(entry.Value, ConfigKeys.Child(key, entry.Name)) })
                .ToList(),
        },
        _ => node,
    };

    private LocatedScalar ResolveScalar(LocatedScalar scalar, string key)
    {
        var (text, problems) = EnvironmentReferences.Resolve(scalar.Text, environment);
        foreach (var problem in problems)
            errors.Add(scalar.Location, key, problem);
        return scalar with { Text = text, Unresolved = problems.Count > 0, Written = text == scalar.Text ? null : scalar.Text };
    }
}
