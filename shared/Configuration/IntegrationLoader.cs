using Switchboard.Configuration.Loading;

namespace Switchboard.Configuration;

/// <summary>Reads integration files (YAML) into one <see cref="Integration"/> and validates it.</summary>
public static class IntegrationLoader
{
    /// <summary>Loads and validates; throws <see cref="IntegrationException"/> listing every error.</summary>
    public static Integration Load(
        IEnumerable<string> filesOrDirectories,
        PlatformSchemas platforms,
        ITransformerValidator? transformers = null,
        Func<string, string?>? environment = null)
    {
        var result = TryLoad(filesOrDirectories, platforms, transformers, environment);
        return result.Errors.Count == 0 ? result.Integration! : throw new IntegrationException(result.Errors);
    }

    /// <summary>Loads and validates, returning every error found (sorted by file, then line) instead of throwing.</summary>
    /// <param name="filesOrDirectories">Files, and directories meaning all their *.yaml and *.yml files.</param>
    /// <param name="environment">Resolves <c>${NAME}</c> references; the process environment by default.</param>
    public static IntegrationLoadResult TryLoad(
        IEnumerable<string> filesOrDirectories,
        PlatformSchemas platforms,
        ITransformerValidator? transformers = null,
        Func<string, string?>? environment = null)
    {
        var errors = new ConfigErrors();
        var sections = ReadSections(filesOrDirectories, environment ?? Environment.GetEnvironmentVariable, errors);

        var clientBinder = new ClientBinder(platforms, errors);
        var clients = Bind(sections.Clients, clientBinder.Bind);
        var endpoints = new EndpointBinder(sections, clients, platforms);
        var incoming = Bind(sections.Incoming, new IncomingBinder(endpoints, transformers, sections, errors).Bind);
        var outgoing = Bind(sections.Outgoing, new OutgoingBinder(endpoints, errors).Bind);
        var routes = Bind(sections.Routes, new RouteBinder(sections, transformers, errors).Bind);
        RouteSyncBinder.CheckDeletes(routes, outgoing, errors);
        SharedKeyMappings.Check(routes, errors);

        ParentCycles.Check(incoming, errors);
        if (errors.Count > 0)
            return new IntegrationLoadResult(null, errors.Sorted());
        var integration = new Integration { Clients = clients, Incoming = incoming, Outgoing = outgoing, Routes = routes };
        return new IntegrationLoadResult(integration, []);
    }

    private static IntegrationSections ReadSections(
        IEnumerable<string> filesOrDirectories, Func<string, string?> environment, ConfigErrors errors)
    {
        var sections = new IntegrationSections(errors);
        var files = IntegrationFiles.Expand(filesOrDirectories, errors);
        if (errors.Count > 0)
            sections.MarkIncomplete();
        else if (files.Count == 0)
            errors.Add(SourceLocation.None, "", "no integration files were given");

        var reader = new IntegrationFileReader(new EnvironmentResolver(environment, errors), errors);
        foreach (var file in files)
        {
            if (reader.Read(file) is { } documents)
                foreach (var document in documents)
                    sections.Add(document);
            else
                sections.MarkIncomplete();
        }
        return sections;
    }

    private static Dictionary<string, T> Bind<T>(IReadOnlyDictionary<string, LocatedEntry> definitions, Func<LocatedEntry, T?> bind)
        where T : class
    {
        var bound = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, definition) in definitions)
            if (bind(definition) is { } config)
                bound.Add(name, config);
        return bound;
    }
}

/// <summary>An integration (null when errors prevent building one) and every error found.</summary>
public sealed record IntegrationLoadResult(Integration? Integration, IReadOnlyList<ConfigError> Errors);
