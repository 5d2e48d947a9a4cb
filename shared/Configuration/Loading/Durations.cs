using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Configuration.Loading;

/// <summary>Durations as written in configuration: <c>20ms</c>, <c>90s</c>, <c>1.5s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>, or <c>0</c>.</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        if (trimmed == "0") return true;
        var match = Pattern().Match(trimmed);
        if (!match.Success) return false;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        return true;
    }

    [GeneratedRegex(@"^(?<part>\d{1,6}(?:\.\d{1,6})?(?:ms|s|m|h|d))+$")]
    private static partial Regex Pattern();
}
