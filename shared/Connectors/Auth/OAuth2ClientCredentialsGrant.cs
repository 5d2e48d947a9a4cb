using System.Globalization;
using Switchboard.Configuration;
using Switchboard.Connectors.Errors;

namespace Switchboard.Connectors.Auth;

/// <summary>"Grant access" for client-credentials platforms: fetches a token with the configured credentials and
/// reports the scopes and expiry the token endpoint granted, or its exact refusal.</summary>
public sealed class OAuth2ClientCredentialsGrant(Func<ClientConfig, OAuth2ClientCredentials> credentialsOf) : IAccessGrant
{
    public async Task<int> GrantAsync(ClientConfig client, GrantContext context, CancellationToken cancellationToken)
    {
        var credentials = credentialsOf(client);
        var authenticator = new OAuth2ClientCredentialsAuthenticator(credentials, context.Authentication);
        try
        {
            var token = await authenticator.RequestTokenAsync(cancellationToken);
            await context.Output.WriteLineAsync($"{client.Name}: access granted by {credentials.TokenEndpoint}");
            await context.Output.WriteLineAsync($"  scopes:  {token.Scope ?? "(the token endpoint named none)"}");
            await context.Output.WriteLineAsync(
                $"  expires: {token.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC (in {Describe(token.Lifetime)})");
            return 0;
        }
        catch (PlatformException ex)
        {
            await context.Output.WriteLineAsync($"{client.Name}: no access: {ex.Error}");
            return 1;
        }
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{span.TotalDays:0.#} days",
        { TotalHours: >= 1 } => $"{span.TotalHours:0.#} hours",
        { TotalMinutes: >= 1 } => $"{span.TotalMinutes:0.#} minutes",
        _ => $"{span.TotalSeconds:0} seconds",
    };
}
