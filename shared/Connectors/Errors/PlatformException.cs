using Switchboard.Contracts;

namespace Switchboard.Connectors.Errors;

/// <summary>The one error type for a platform's refusal or absence: status, the platform's own messages, the
/// redacted request. <see cref="Transient"/> says whether trying again later could succeed.</summary>
public sealed class PlatformException(PlatformError error, Exception? inner = null)
    : Exception(error.ToString(), inner)
{
    public PlatformError Error { get; } = error;
    public int? StatusCode => Error.StatusCode;
    public bool Transient => Error.Transient;

    /// <summary>The refusal's parsed body, for platforms whose errors carry data to act on (commercetools'
    /// <c>currentVersion</c> in a 409); null when there was none or it was not JSON.</summary>
    public System.Text.Json.Nodes.JsonNode? AnswerBody { get; init; }
}
