namespace Switchboard.Configuration.Loading;

/// <summary>Incomings whose parents lead back to themselves would start each other's runs for ever.</summary>
internal static class ParentCycles
{
    public static void Check(IReadOnlyDictionary<string, IncomingConfig> incoming, ConfigErrors errors)
    {
        foreach (var start in incoming.Values.Where(i => i.Parent is not null))
        {
            var chain = new List<string> { start.Name };
            for (var current = start.Parent; current is not null && incoming.TryGetValue(current, out var next); current = next.Parent)
            {
                if (current == start.Name)
                {
                    errors.Add(start.Location, ConfigKeys.Child(ConfigKeys.Child(IntegrationSections.IncomingKey, start.Name), "parent"),
                        $"the parents go round in a circle: {string.Join(" → ", chain)} → {start.Name}");
                    break;
                }
                if (chain.Contains(current)) break; // a circle further up, reported at its own members
                chain.Add(current);
            }
        }
    }
}
