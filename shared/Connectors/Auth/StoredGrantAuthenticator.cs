using Switchboard.Connectors.Errors;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Auth;

/// <summary><c>Authorization: Bearer …</c> with the token <c>switchboard grant</c> stored for the client, read and
/// decrypted on first use and kept for the client's lifetime.</summary>
public sealed class StoredGrantAuthenticator(string client, EncryptedGrantStore store, string tokenField = "access_token") : IRequestAuthenticator
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new("Bearer", await TokenAsync(request, cancellationToken));
    }

    private async ValueTask<string> TokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_token is { } cached) return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null) return _token;
            var grant = await store.LoadAsync(client, cancellationToken)
                ?? throw Refusal(request, $"client '{client}' has no access granted yet (no grant in {store.PathOf(client)}): " +
                    $"run `switchboard grant {client} <integration files>` first, with the same --state folder and {SecretKey.Variable}.");
            return _token = grant[tokenField]?.GetValue<string>() is { Length: > 0 } token
                ? token
                : throw Refusal(request, $"the grant stored for client '{client}' has no {tokenField}; run `switchboard grant {client}` again.");
        }
        catch (GrantException e)
        {
            throw Refusal(request, e.Message, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Not sent: a failure of this request that no retry can mend, reported like any platform refusal.
    private static PlatformException Refusal(HttpRequestMessage request, string message, Exception? inner = null) =>
        new(new PlatformError { Messages = [message], Request = $"(not sent) {request.Method} {request.RequestUri}", Transient = false }, inner);
}
