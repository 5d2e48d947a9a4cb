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

    public static IntegrationLoadResult TryLoad(
        IEnumerable<string> filesOrDirectories,
        PlatformSchemas platforms,
        ITransformerValidator? transformers = null,
        Func<string, string?>? environment = null)
        => throw new NotImplementedException();
}

/// <summary>An integration (null when errors prevent building one) and every error found.</summary>
public sealed record IntegrationLoadResult(Integration? Integration, IReadOnlyList<ConfigError> Errors);
