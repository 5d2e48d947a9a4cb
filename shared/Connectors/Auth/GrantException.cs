namespace Switchboard.Connectors.Auth;

/// <summary>A grant that cannot be obtained, stored or read, with a message written for the user: what went wrong
/// and what to do about it.</summary>
public sealed class GrantException(string message, Exception? inner = null) : Exception(message, inner);
