namespace Switchboard.Configuration.Loading;

/// <summary>Collects every error of one load, so all of them can be reported at once.</summary>
internal sealed class ConfigErrors
{
    private readonly List<ConfigError> _errors = [];

    public int Count => _errors.Count;

    public void Add(ConfigError error) => _errors.Add(error);

    public void Add(SourceLocation location, string key, string message) => _errors.Add(new ConfigError(location, key, message));

    /// <summary>By file, then line, then column; errors of one place keep the order they were found in.</summary>
    public IReadOnlyList<ConfigError> Sorted() =>
        _errors
            .OrderBy(e => e.Location.File, StringComparer.Ordinal)
            .ThenBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ToList();
}
