namespace Switchboard.Contracts;

/// <summary>A platform's refusal as it travels on the bus: status, the platform's own messages, the redacted request.</summary>
public sealed record PlatformError
{
    public int? StatusCode { get; init; }
    public required IReadOnlyList<string> Messages { get; init; }
    /// <summary>Method and URL of the failed request, credentials redacted.</summary>
    public required string Request { get; init; }
    public bool Transient { get; init; }

    /// <summary>A request refused before it was sent (no client, no grant, a payload that cannot be encoded): no
    /// retry can mend it.</summary>
    public static PlatformError NotSent(string request, params IReadOnlyList<string> messages) =>
        new() { Messages = messages, Request = $"(not sent) {request}" };

    public override string ToString() =>
        $"{(StatusCode is { } s ? $"HTTP {s}" : "no response")}: {string.Join("; ", Messages)} ({Request})";
}
