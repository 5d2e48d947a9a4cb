using Switchboard.Configuration;

namespace Switchboard.Connectors.Auth;

/// <summary>A platform's "Grant access" step (<c>switchboard grant CLIENT</c>): obtains or checks the client's
/// credentials and tells the user what it got. Returns the process exit code.</summary>
public interface IAccessGrant
{
    Task<int> GrantAsync(ClientConfig client, GrantContext context, CancellationToken cancellationToken);
}

/// <summary>What a grant works with: where to talk to the user, where stored grants live, how to read a pasted line.</summary>
public sealed record GrantContext
{
    public required TextWriter Output { get; init; }
    public required string StateDirectory { get; init; }
    public required Func<CancellationToken, Task<string?>> ReadLine { get; init; }
    public required AuthenticatorContext Authentication { get; init; }
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
    /// <summary>The user asked to paste the code instead of receiving it on a loopback redirect.</summary>
    public bool Paste { get; init; }
}
