using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>hash: sha256 | sha1 | sha512 | md5</c> — the lower-case hex digest of the value's UTF-8 text
/// (strings as they are, other values as compact JSON).</summary>
internal sealed class HashMapper(string algorithm) : IValueMapper
{
    private static readonly string[] Algorithms = ["sha256", "sha1", "sha512", "md5"];

    public string Name => "hash";

    public static IValueMapper? Build(MapperArguments arguments)
    {
        if (arguments.Text?.ToLowerInvariant() is { } name && Algorithms.Contains(name))
            return new HashMapper(name);
        arguments.Problem($"expects one of {string.Join(", ", Algorithms)}, got {ArgumentText.Describe(arguments.Value)}");
        return null;
    }

    public JsonNode? Map(JsonNode value, ExpressionInput entity)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonValues.Text(value)!);
        var digest = algorithm switch
        {
            "sha1" => SHA1.HashData(bytes),
            "sha512" => SHA512.HashData(bytes),
            "md5" => MD5.HashData(bytes),
            _ => SHA256.HashData(bytes),
        };
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
}
