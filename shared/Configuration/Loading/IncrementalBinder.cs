namespace Switchboard.Configuration.Loading;

/// <summary>Reads and checks an incoming's <c>incremental: { field, param, lookback, format }</c>.</summary>
internal static class IncrementalBinder
{
    private static readonly string[] Keys = ["field", "param", "lookback", "format"];

    /// <summary>The cursor, or null when the incoming has none or it has errors (reported).</summary>
    /// <param name="platform">The incoming's platform, for its default format; null when unknown.</param>
    public static IncrementalConfig? Bind(MappingReader incoming, IPlatformSchema? platform)
    {
        if (incoming.Mapping("incremental", Keys) is not { } cursor)
            return null;

        var field = cursor.Text("field", required: true);
        if (field is not null && (field.Length == 0 || field.Any(char.IsWhiteSpace) || field.StartsWith('.') || field.EndsWith('.')))
        {
            cursor.Error("field", $"expected the path of the entity's change time, such as 'date_modified' or 'meta.updated', got '{field}'");
            field = null;
        }
        var param = cursor.Text("param");
        if (param is { Length: 0 })
        {
            cursor.Error("param", "expected the name of the query parameter to set to the run's 'since'");
            param = null;
        }

        var lookback = TimeSpan.Zero;
        if (cursor.Text("lookback") is { } lookbackText && !Durations.TryParse(lookbackText, out lookback))
        {
            cursor.Error("lookback", $"expected a duration such as 90s, 5m, 1h30m or 0, got '{lookbackText}'");
            return null;
        }

        SinceFormat? format = null;
        if (cursor.Text("format") is { } formatText)
        {
            if (!SinceFormats.Names.TryGetValue(formatText, out var named))
            {
                cursor.Error("format", $"unknown format '{formatText}'; allowed: {string.Join(", ", SinceFormats.Names.Keys)}");
                return null;
            }
            format = named;
        }

        if (field is null)
            return null;
        return new IncrementalConfig
        {
            Field = field,
            Param = param,
            Lookback = lookback,
            Format = format ?? platform?.DefaultSinceFormat ?? SinceFormat.Iso8601,
        };
    }
}
