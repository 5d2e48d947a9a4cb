using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Connectors.Errors;

namespace Switchboard.Connectors.Auth;

/// <summary>What a token endpoint's refusal says: RFC 6749 §5.2 <c>{"error", "error_description"}</c> as
/// "error: description", else whatever message the body carries as the SDK reads errors.</summary>
internal static class OAuthErrorReader
{
    public static IReadOnlyList<string> Read(string body, string? contentType, string whenSilent)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject answer && answer["error"] is JsonValue error)
                return [answer["error_description"] is JsonValue description ? $"{error}: {description}" : error.ToString()];
        }
        catch (JsonException)
        {
        }
        return ErrorBodyReader.Default.Read(body, contentType) is { Count: > 0 } messages ? messages : [whenSilent];
    }
}
