using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Auth;

/// <summary>Grants (the token answers of OAuth flows) kept in the state folder, one file per client, encrypted with
/// AES-256-GCM under <see cref="SecretKey"/>. The client's name is authenticated with the data, so a file copied
/// over another client's does not decrypt.</summary>
public sealed class EncryptedGrantStore(string stateDirectory, Func<string, string?> environment)
{
    private const string Format = "AES-256-GCM";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string PathOf(string client) => Path.GetFullPath(Path.Combine(stateDirectory, "grants", FileName(client)));

    /// <summary>Encrypts and writes the grant; returns the file it went to.</summary>
    public async Task<string> SaveAsync(string client, JsonObject grant, CancellationToken cancellationToken)
    {
        var key = SecretKey.From(environment);
        var plain = Encoding.UTF8.GetBytes(grant.ToJsonString());
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(key, TagBytes))
            aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(client));
        CryptographicOperations.ZeroMemory(plain);

        var file = new JsonObject
        {
            ["client"] = client,
            ["format"] = Format,
            ["savedAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["nonce"] = Convert.ToBase64String(nonce),
            ["tag"] = Convert.ToBase64String(tag),
            ["ciphertext"] = Convert.ToBase64String(cipher),
        };
        var path = PathOf(client);
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Written beside under a name of its own (two grants at once never share it), readable by the owner only from
        // the first byte, and moved over, so a reader never sees half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temporary, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).AsMemory(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The decrypted grant, or null when none was stored for the client.</summary>
    public async Task<JsonObject?> LoadAsync(string client, CancellationToken cancellationToken)
    {
        var path = PathOf(client);
        if (!File.Exists(path)) return null;
        var key = SecretKey.From(environment);
        byte[] nonce, tag, cipher;
        try
        {
            var file = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))!.AsObject();
            nonce = Convert.FromBase64String(file["nonce"]!.GetValue<string>());
            tag = Convert.FromBase64String(file["tag"]!.GetValue<string>());
            cipher = Convert.FromBase64String(file["ciphertext"]!.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw new GrantException($"the grant stored for client '{client}' in {path} is damaged ({e.Message}); run `switchboard grant {client}` again.", e);
        }
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(nonce, cipher, tag, plain, Encoding.UTF8.GetBytes(client));
        }
        catch (CryptographicException e)
        {
            throw new GrantException($"the grant stored for client '{client}' in {path} cannot be decrypted: {SecretKey.Variable} is not the key " +
                $"it was stored with. Set the key that was used for `switchboard grant {client}`, or grant access again.", e);
        }
        try
        {
            return JsonNode.Parse(plain)!.AsObject();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The client's name, kept readable, with anything a file system could misread replaced.</summary>
    private static string FileName(string client)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(client.Select(c => invalid.Contains(c) || c == '\\' ? '_' : c).ToArray()) + ".grant.json";
    }
}
