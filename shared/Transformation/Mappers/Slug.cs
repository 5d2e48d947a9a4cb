using System.Text;

namespace Switchboard.Transformation;

/// <summary>URL slugs: lower case ASCII letters and digits, words joined by '-' (<c>"Café Crème 2L"</c> → <c>cafe-creme-2l</c>).</summary>
/// <remarks>Accented Latin letters are folded by a table: the build runs with invariant globalization, where Unicode
/// normalization does not decompose them. Other letters (Cyrillic, CJK, …) separate words.</remarks>
internal static class Slug
{
    private static readonly Dictionary<char, string> Folds = BuildFolds();

    public static string Of(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.ToLowerInvariant())
        {
            var ascii = char.IsAsciiLetterOrDigit(c) ? c.ToString() : Folds.GetValueOrDefault(c);
            if (ascii is null)
            {
                pendingDash = true;
                continue;
            }

            if (pendingDash && result.Length > 0)
                result.Append('-');
            result.Append(ascii);
            pendingDash = false;
        }

        return result.ToString();
    }

    private static Dictionary<char, string> BuildFolds()
    {
        var folds = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th", ['ð'] = "d", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ı'] = "i",
        };
        (string Letters, string Ascii)[] groups =
        [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ];
        foreach (var (letters, ascii) in groups)
        foreach (var letter in letters)
            folds.TryAdd(letter, ascii);
        return folds;
    }
}
