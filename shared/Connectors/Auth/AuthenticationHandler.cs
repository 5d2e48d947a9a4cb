namespace Switchboard.Connectors.Auth;

/// <summary>Authenticates every attempt of a request, so a retried request carries fresh credentials; when the
/// platform says the credentials expired, renews them and sends the request once more.</summary>
public sealed class AuthenticationHandler(IRequestAuthenticator authenticator) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await authenticator.ApplyAsync(request, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (!await authenticator.IsExpiredAsync(response, cancellationToken)) return response;

        response.Dispose();
        await authenticator.RenewAsync(cancellationToken);
        await authenticator.ApplyAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
