namespace Switchboard.Configuration.Loading;

/// <summary>Builds and checks one client: the common keys here, the platform's own keys by its schema.</summary>
internal sealed class ClientBinder(PlatformSchemas platforms, ConfigErrors errors)
{
    private static readonly string[] CommonKeys = ["platform", "baseUri", "logRequests", "rateLimit"];
    private static readonly string[] RateLimitKeys = ["requests", "perSeconds"];
    private static readonly Dictionary<string, RequestLogging> LoggingLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = RequestLogging.None,
        ["simple"] = RequestLogging.Simple,
        ["full"] = RequestLogging.Full,
    };

    /// <summary>The client, or null when it has errors (all reported).</summary>
    public ClientConfig? Bind(LocatedEntry definition)
    {
        var key = ConfigKeys.Child(IntegrationSections.ClientsKey, definition.Name);
        // The platform checks its own keys, so any key is allowed here.
        if (MappingReader.Open(definition.Value, key, definition.Key.Location, errors, allowedKeys: null) is not { } client)
            return null;

        var platform = Platform(client);
        var baseUri = BaseUri(client);
        var logRequests = LogRequests(client);
        var rateLimit = RateLimit(client);
        var settings = YamlJson.ToJsonObject(client.Entries.Where(e => !CommonKeys.Contains(e.Name)));
        if (platform is not null)
            ReportSettingProblems(platform.ValidateClientSettings(settings), client, definition);

        if (platform is null || baseUri is null)
            return null;
        var config = new ClientConfig
        {
            Name = definition.Name,
            Platform = platform.Name,
            BaseUri = baseUri,
            LogRequests = logRequests ?? RequestLogging.None,
            RateLimit = rateLimit,
            Settings = settings,
            Location = definition.Key.Location,
        };
        return config with { Secrets = Secrets(config, platform) };
    }

    private IPlatformSchema? Platform(MappingReader client)
    {
        if (client.Text("platform", required: true) is not { } name)
            return null;
        var platform = platforms.Find(name);
        if (platform is null)
            client.Error("platform", $"unknown platform '{name}'; known platforms: {string.Join(", ", platforms.Names)}");
        return platform;
    }

    private static Uri? BaseUri(MappingReader client)
    {
        if (client.Text("baseUri", required: true) is not { } text)
            return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        client.Error("baseUri", $"expected an absolute http or https URI, got {client.Describe("baseUri")}");
        return null;
    }

    private static RequestLogging? LogRequests(MappingReader client)
    {
        if (client.Text("logRequests") is not { } text)
            return null;
        if (LoggingLevels.TryGetValue(text, out var level))
            return level;
        client.Error("logRequests", $"expected one of {string.Join(", ", LoggingLevels.Keys)}, got {client.Describe("logRequests")}");
        return null;
    }

    private static RateLimitConfig? RateLimit(MappingReader client)
    {
        if (client.Mapping("rateLimit", RateLimitKeys) is not { } rateLimit)
            return null;
        var requests = rateLimit.PositiveInteger("requests", required: true);
        var perSeconds = rateLimit.PositiveNumber("perSeconds", required: true);
        return requests is null || perSeconds is null ? null : new RateLimitConfig(requests.Value, perSeconds.Value);
    }

    // At the client's top level the common keys are as valid as the platform's own.
    private static string Described(SettingProblem problem) => problem.KnownKeys is not { } known
        ? problem.Message
        : problem.Message + NameSuggestions.For(problem.Key.Split('.')[^1], problem.Key.Contains('.') ? known : [.. known, .. CommonKeys]);

    private void ReportSettingProblems(IEnumerable<SettingProblem> problems, MappingReader client, LocatedEntry definition)
    {
        foreach (var problem in problems)
        {
            var (location, unresolved) = SettingPlace(definition, problem.Key);
            // An unresolved environment reference is already reported; what the platform says of its empty value is noise.
            if (!unresolved)
                errors.Add(location, client.KeyOf(problem.Key), Described(problem));
        }
    }

    /// <summary>Where a dotted setting is written; the nearest written parent (at last the client) when it is not.</summary>
    private static (SourceLocation Location, bool Unresolved) SettingPlace(LocatedEntry definition, string dottedPath)
    {
        var location = definition.Key.Location;
        LocatedNode? node = definition.Value;
        foreach (var part in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = (node as LocatedMapping)?.Entries.FirstOrDefault(e => e.Name == part);
            if (entry is null)
                return (location, false);
            location = entry.Key.Location;
            node = entry.Value;
        }
        return (location, node?.ContainsUnresolved ?? false);
    }

    private static IReadOnlyList<string> Secrets(ClientConfig client, IPlatformSchema platform) =>
        platform.SecretSettings
            .Select(client.Setting)
            .OfType<string>()
            .Where(value => value.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
