namespace Switchboard.Configuration.Loading;

/// <summary>Turns the files and directories an integration was given into the list of files to read.</summary>
internal static class IntegrationFiles
{
    private static readonly string[] YamlPatterns = ["*.yaml", "*.yml"];

    /// <summary>Files as given; directories expanded to their YAML files (recursively, sorted by path). Each file once.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> filesOrDirectories, ConfigErrors errors)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in filesOrDirectories)
        {
            foreach (var file in ExpandOne(path, errors))
                if (seen.Add(Path.GetFullPath(file)))
                    files.Add(file);
        }
        return files;
    }

    private static IEnumerable<string> ExpandOne(string path, ConfigErrors errors)
    {
        if (File.Exists(path))
            return [path];

        if (!Directory.Exists(path))
        {
            errors.Add(new SourceLocation(path, 0, 0), "", "no such file or directory");
            return [];
        }

        var files = YamlPatterns
            .SelectMany(pattern => Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            errors.Add(new SourceLocation(path, 0, 0), "", "the folder has no .yaml or .yml files");
        return files;
    }
}
