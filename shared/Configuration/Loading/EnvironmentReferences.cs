using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Configuration.Loading;

/// <summary>Replaces <c>${NAME}</c> and <c>${NAME:-default}</c> in one text; <c>$${</c> stands for a literal <c>${</c>.</summary>
internal static partial class EnvironmentReferences
{
    /// <summary>The text with every reference replaced, and a message for each reference that could not be.</summary>
    public static (string Text, IReadOnlyList<string> Problems) Resolve(string text, Func<string, string?> environment)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
            return (text, []);

        var result = new StringBuilder(text.Length);
        var problems = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            if (string.CompareOrdinal(text, position, "$${", 0, 3) == 0)
            {
                result.Append("${");
                position += 3;
                continue;
            }
            if (string.CompareOrdinal(text, position, "${", 0, 2) != 0)
            {
                result.Append(text[position++]);
                continue;
            }

            var end = text.IndexOf('}', position + 2);
            if (end < 0)
            {
                problems.Add($"'{text[position..]}' has no closing '}}' (write $${{ for a literal ${{)");
                break;
            }
            result.Append(Substitute(text[(position + 2)..end], environment, problems));
            position = end + 1;
        }
        return (result.ToString(), problems);
    }

    private static string Substitute(string reference, Func<string, string?> environment, List<string> problems)
    {
        var separator = reference.IndexOf(":-", StringComparison.Ordinal);
        var name = separator < 0 ? reference : reference[..separator];
        if (!VariableName().IsMatch(name))
        {
            problems.Add($"'${{{reference}}}' is not a valid environment reference; write ${{NAME}} or ${{NAME:-default}}");
            return "";
        }

        var value = environment(name);
        if (separator >= 0)
            return string.IsNullOrEmpty(value) ? reference[(separator + 2)..] : value;
        if (value is null)
            problems.Add($"environment variable {name} is not set");
        return value ?? "";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
