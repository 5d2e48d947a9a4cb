namespace Switchboard.Configuration.Loading;

/// <summary>Reads one integration file into its documents, environment references resolved.</summary>
internal sealed class IntegrationFileReader(EnvironmentResolver resolver, ConfigErrors errors)
{
    /// <summary>The file's non-empty documents; null when the file could not be read at all.</summary>
    public IReadOnlyList<LocatedNode>? Read(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new SourceLocation(file, 0, 0), "", $"cannot read {file}: {e.Message}");
            return null;
        }

        var (documents, syntaxError) = LocatedYamlReader.Read(file, text);
        if (syntaxError is not null)
        {
            errors.Add(syntaxError);
            return null;
        }

        var nonEmpty = documents.Where(d => d is not LocatedScalar { IsNull: true }).ToList();
        if (nonEmpty.Count == 0)
        {
            errors.Add(new SourceLocation(file, 1, 1), "", "the file is empty; an integration file has clients, incoming, outgoing or routes");
            return null;
        }
        return nonEmpty.Select(d => resolver.Resolve(d, "")).ToList();
    }
}
