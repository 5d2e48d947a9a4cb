using System.Globalization;
using System.Text;

namespace Switchboard.Transformation;

/// <summary>URL slugs: lower case ASCII letters and digits, words joined by '-' (<c>"Café Crème 2L"</c> → <c>cafe-creme-2l</c>).</summary>
internal static class Slug
{
    public static string Of(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var ascii = Fold(char.ToLowerInvariant(c));
            if (ascii.Length > 0 && ascii.All(char.IsAsciiLetterOrDigit))
            {
                if (pendingDash && result.Length > 0)
                    result.Append('-');
                result.Append(ascii);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        return result.ToString();
    }

    // Letters that do not decompose into a base letter and a mark.
    private static string Fold(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'ø' => "o",
        'œ' => "oe",
        'ł' => "l",
        'đ' => "d",
        'þ' => "th",
        _ => c.ToString(),
    };
}
