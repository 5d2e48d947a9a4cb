using Switchboard.Connectors.Errors;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Auth;

/// <summary><c>Authorization: Bearer …</c> with the token <c>switchboard grant</c> stored for the client, read and
/// decrypted on first use and kept for the client's lifetime.</summary>
public sealed class StoredGrantAuthenticator(string client, EncryptedGrantStore store, string tokenField = "access_token") : IRequestAuthenticator
{
    private readonly SharedCredential<string> _token = new(async cancellationToken =>
    {
        var grant = await store.LoadAsync(client, cancellationToken)
            ?? throw new GrantException($"client '{client}' has no access granted yet (no grant in {store.PathOf(client)}): " +
                $"run `switchboard grant {client} <integration files>` first, with the same --state folder and {SecretKey.Variable}.");
        return grant[tokenField]?.GetValue<string>() is { Length: > 0 } token
            ? token
            : throw new GrantException($"the grant stored for client '{client}' has no {tokenField}; run `switchboard grant {client}` again.");
    });

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            request.Headers.Authorization = new("Bearer", await _token.CurrentAsync(cancellationToken));
        }
        catch (GrantException e)
        {
            throw Refusal(request, e.Message, e);
        }
    }

    // Not sent: a failure of this request that no retry can mend, reported like any platform refusal.
    private static PlatformException Refusal(HttpRequestMessage request, string message, Exception? inner = null) =>
        new(PlatformError.NotSent($"{request.Method} {request.RequestUri}", message), inner);
}
