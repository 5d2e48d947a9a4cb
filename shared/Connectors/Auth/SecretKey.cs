namespace Switchboard.Connectors.Auth;

/// <summary>The key that encrypts stored grants: 32 bytes in base64, from an environment variable, so what is
/// on disk is useless without the environment it was written in.</summary>
public static class SecretKey
{
    public const string Variable = "SWITCHBOARD_SECRET_KEY";

    private const int Bytes = 32;

    public static byte[] From(Func<string, string?> environment)
    {
        var text = environment(Variable)?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new GrantException($"{Variable} is not set; it is the key that encrypts stored grants. " +
                "Set it to 32 random bytes in base64 (e.g. `openssl rand -base64 32`), the same wherever the connector runs.");
        var key = new byte[Bytes + 1];
        if (!Convert.TryFromBase64String(text, key, out var written) || written != Bytes)
            throw new GrantException($"{Variable} must be 32 bytes in base64 (e.g. `openssl rand -base64 32`); " +
                $"its value {(written > 0 ? $"decodes to {written} bytes" : "is not base64")}.");
        return key[..Bytes];
    }
}
