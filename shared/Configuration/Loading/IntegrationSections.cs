namespace Switchboard.Configuration.Loading;

/// <summary>The four sections of all files merged by name, each definition with its place.</summary>
internal sealed class IntegrationSections(ConfigErrors errors)
{
    public const string ClientsKey = "clients";
    public const string IncomingKey = "incoming";
    public const string OutgoingKey = "outgoing";
    public const string RoutesKey = "routes";
    private static readonly string[] SectionKeys = [ClientsKey, IncomingKey, OutgoingKey, RoutesKey];

    private readonly Dictionary<string, Dictionary<string, LocatedEntry>> _sections =
        SectionKeys.ToDictionary(k => k, _ => new Dictionary<string, LocatedEntry>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, LocatedEntry> Clients => _sections[ClientsKey];
    public IReadOnlyDictionary<string, LocatedEntry> Incoming => _sections[IncomingKey];
    public IReadOnlyDictionary<string, LocatedEntry> Outgoing => _sections[OutgoingKey];
    public IReadOnlyDictionary<string, LocatedEntry> Routes => _sections[RoutesKey];

    /// <summary>False when some file could not be read: a name that seems undefined may be defined there.</summary>
    public bool Complete { get; private set; } = true;

    public void MarkIncomplete() => Complete = false;

    public void Add(LocatedNode document)
    {
        if (document is not LocatedMapping root)
        {
            errors.Add(document.Location, "", $"expected a mapping with {Allowed()}, got {document.Description}");
            return;
        }

        var sections = root.Entries.Where(e => _sections.ContainsKey(e.Name)).ToList();
        foreach (var unknown in root.Entries.Where(e => !_sections.ContainsKey(e.Name)))
            errors.Add(unknown.Key.Location, unknown.Name, $"unknown key '{unknown.Name}'; allowed: {Allowed()}");
        if (root.Entries.Count == 0)
            errors.Add(root.Location, "", $"the document has none of {Allowed()}");

        foreach (var section in sections)
            AddSection(section);
    }

    private void AddSection(LocatedEntry section)
    {
        if (section.Value is LocatedScalar { IsNull: true })
            return;
        if (section.Value is not LocatedMapping definitions)
        {
            errors.Add(section.Value.Location, section.Name, $"expected a mapping of names to definitions, got {section.Value.Description}");
            return;
        }

        var byName = _sections[section.Name];
        foreach (var definition in definitions.Entries)
        {
            var key = ConfigKeys.Child(section.Name, definition.Name);
            if (definition.Key.IsNull)
                errors.Add(definition.Key.Location, key, "a name must not be empty");
            else if (byName.TryGetValue(definition.Name, out var first))
                errors.Add(definition.Key.Location, key, $"'{definition.Name}' is defined twice: first at {Place(first.Key.Location)}, again at {Place(definition.Key.Location)}");
            else
                byName.Add(definition.Name, definition);
        }
    }

    private static string Place(SourceLocation location) => $"{location.File}:{location.Line}";

    private static string Allowed() => string.Join(", ", SectionKeys);
}
