namespace Switchboard.Configuration;

/// <summary>One mistake in an integration: where it is, the key it is about, what is wrong.</summary>
public sealed record ConfigError(SourceLocation Location, string Key, string Message)
{
    public override string ToString() =>
        Key.Length == 0 ? $"{Location.File}:{Location.Line}: {Message}" : $"{Location.File}:{Location.Line}: {Key}: {Message}";
}

/// <summary>Thrown when an integration cannot be loaded; carries every error found, not just the first.</summary>
public sealed class IntegrationException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
