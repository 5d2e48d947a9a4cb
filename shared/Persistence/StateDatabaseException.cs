namespace Switchboard.Persistence;

/// <summary>A state database this version cannot use; the message says which and what to do.</summary>
public sealed class StateDatabaseException(string message) : Exception(message);
