namespace Switchboard.Connectors.Auth;

/// <summary>Authenticates every attempt of a request, so a retried request carries fresh credentials.</summary>
public sealed class AuthenticationHandler(IRequestAuthenticator authenticator) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await authenticator.ApplyAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
