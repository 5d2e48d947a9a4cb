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
}
