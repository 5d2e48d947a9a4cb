using System.Globalization;

namespace Switchboard.Connector.OpenCart;

/// <summary>The client's <c>version</c>: which API generation the store speaks (3.0 session routes, 4.0 <c>api/sale/*</c>
/// routes, 4.1 signed stateless calls) and, for 4.0, the method separator of its routes.</summary>
public sealed record OpenCartVersion(int Major, int Minor, int Patch)
{
    public static readonly OpenCartVersion Default = new(3, 0, 0);

    public bool IsSession => !IsSigned;

    public bool IsSigned => Major == 4 && Minor >= 1;

    public bool IsSale => Major == 4 && Minor == 0;

    /// <summary>4.0.0.x and 4.0.1.x write <c>api/sale/cart|add</c>; 4.0.2.0 changed the separator to <c>.</c>
    /// (a bare "4.0" means the current 4.0.2.x line).</summary>
    public char Separator => IsSale && Patch < 2 ? '|' : '.';

    public string Key => IsSale ? $"4.0{Separator}" : $"{Major}.{Minor}";

    public static bool TryParse(string? text, out OpenCartVersion version)
    {
        version = Default;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = text.Trim().Split('.');
        if (parts.Length > 4 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))) return false;
        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        int At(int i, int fallback) => i < numbers.Length ? numbers[i] : fallback;
        version = new OpenCartVersion(numbers[0], At(1, 0), At(2, numbers[0] == 4 && At(1, 0) == 0 ? 2 : 0));
        return (version.Major, version.Minor) is (3, 0) or (4, 0) or (4, 1);
    }
}
