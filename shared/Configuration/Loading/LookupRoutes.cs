namespace Switchboard.Configuration.Loading;

/// <summary>Checks that every <c>lookup</c> step of a route names a route of the integration: a misspelt route would
/// find no key mappings at run time, failing or skipping every entity.</summary>
internal static class LookupRoutes
{
    /// <summary>Reports each lookup whose route is not defined, at its <c>route</c> value; steps inside a
    /// <c>condition</c>'s branches included.</summary>
    public static void Check(MappingReader route, IntegrationSections sections, ConfigErrors errors)
    {
        if (!sections.Complete || route.Value("transformers") is not LocatedSequence steps)
            return;
        CheckSteps(steps, route.KeyOf("transformers"), sections.Routes.Keys, errors);
    }

    private static void CheckSteps(LocatedSequence steps, string key, IEnumerable<string> routes, ConfigErrors errors)
    {
        for (var i = 0; i < steps.Items.Count; i++)
            if (steps.Items[i] is LocatedMapping { Entries: [var step] })
                CheckStep(step, ConfigKeys.Child(ConfigKeys.Item(key, i), step.Name), routes, errors);
    }

    private static void CheckStep(LocatedEntry step, string key, IEnumerable<string> routes, ConfigErrors errors)
    {
        switch (step.Name, step.Value)
        {
            case ("lookup", LocatedMapping lookup):
                if (lookup.Entries.FirstOrDefault(e => e.Name == "route")?.Value is LocatedScalar { IsNull: false, Unresolved: false } name
                    && !routes.Contains(name.Text))
                    errors.Add(name.Location, ConfigKeys.Child(key, "route"), $"no route '{name.Text}'{NameSuggestions.For(name.Text, routes)}");
                break;
            case ("condition", LocatedSequence branches):
                for (var b = 0; b < branches.Items.Count; b++)
                    if (branches.Items[b] is LocatedMapping branch)
                        foreach (var list in branch.Entries.Where(e => e.Name is "then" or "else"))
                            if (list.Value is LocatedSequence nested)
                                CheckSteps(nested, ConfigKeys.Child(ConfigKeys.Item(key, b), list.Name), routes, errors);
                break;
        }
    }
}
