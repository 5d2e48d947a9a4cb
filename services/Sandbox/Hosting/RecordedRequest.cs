namespace Switchboard.Sandbox;

/// <summary>One request as the emulator saw it. <see cref="Authorization"/> is the platform's auth header value
/// (BigCommerce X-Auth-Token, Ecwid Authorization, or Ecwid's ?token= when no header was sent).
/// <see cref="ResponseBody"/> is kept only while <see cref="PlatformEmulator.RecordResponseBodies"/> is on.</summary>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    int Status,
    DateTimeOffset ReceivedAt,
    string? Authorization,
    string? Body,
    string? ResponseBody = null);
