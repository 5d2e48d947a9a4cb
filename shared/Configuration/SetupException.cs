namespace Switchboard.Configuration;

/// <summary>A mistake in how Switchboard was set up rather than in the program — a missing environment variable, a
/// broker address not given. Its message is the whole story: the command line prints it without a trace.</summary>
public sealed class SetupException(string message) : Exception(message);
