namespace Switchboard.Configuration;

/// <summary>One mistake in an integration: where it is, the key it is about, what is wrong.</summary>
public sealed record ConfigError(SourceLocation Location, string Key, string Message)
{
    public override string ToString()
    {
        // Line 0 is a mistake about the file as a whole (missing, an empty folder): there is no line to point at.
        var place = Location.Line == 0 ? Location.File : $"{Location.File}:{Location.Line}";
        return Key.Length == 0 ? $"{place}: {Message}" : $"{place}: {Key}: {Message}";
    }
}

/// <summary>Thrown when an integration cannot be loaded; carries every error found, not just the first.</summary>
public sealed class IntegrationException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
