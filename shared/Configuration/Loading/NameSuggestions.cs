namespace Switchboard.Configuration.Loading;

/// <summary>Helps with a misspelt name: the close names, or all of them when there are few.</summary>
internal static class NameSuggestions
{
    private const int MaxListed = 12;

    /// <summary>Text to append to an "unknown name" message, e.g. <c>; did you mean 'catalog/products'?</c>.</summary>
    public static string For(string name, IEnumerable<string> candidates)
    {
        var all = candidates.Order(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
            return "; none are defined";

        var close = all
            .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 3) || c.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .Take(3)
            .Select(c => $"'{c.Name}'")
            .ToList();
        if (close.Count > 0)
            return $"; did you mean {string.Join(" or ", close)}?";
        return all.Count <= MaxListed ? $"; known: {string.Join(", ", all)}" : "";
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
