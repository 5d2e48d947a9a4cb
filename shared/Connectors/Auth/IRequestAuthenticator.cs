namespace Switchboard.Connectors.Auth;

/// <summary>Puts a platform's credentials on a request, exactly as that platform expects them.</summary>
public interface IRequestAuthenticator
{
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>True when the answer says the credentials expired (a token or session); the request is then
    /// renewed and sent once more.</summary>
    ValueTask<bool> IsExpiredAsync(HttpResponseMessage response, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <summary>Gets fresh credentials (a new token, a new session) after <see cref="IsExpiredAsync"/> said so.</summary>
    ValueTask RenewAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>A fixed header carrying a token (BigCommerce's <c>X-Auth-Token</c>).</summary>
public sealed class HeaderAuthenticator(string header, string value) : IRequestAuthenticator
{
    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
        return ValueTask.CompletedTask;
    }
}

/// <summary><c>Authorization: Bearer …</c> with a token known up front.</summary>
public sealed class BearerAuthenticator(string token) : IRequestAuthenticator
{
    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new("Bearer", token);
        return ValueTask.CompletedTask;
    }
}
