using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Messaging;

/// <summary>A short line about an answer, kept with the task: its status and the start of its body.</summary>
public static class ResponseSummary
{
    public const int MaxBodyLength = 500;

    public static string Of(int statusCode, JsonNode? body)
    {
        var text = body?.ToJsonString() ?? "";
        if (text.Length > MaxBodyLength) text = text[..MaxBodyLength] + "…";
        return text.Length == 0 ? $"HTTP {statusCode}" : $"HTTP {statusCode}: {text}";
    }
}
