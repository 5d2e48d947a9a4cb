using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Connectors.Auth;

namespace Switchboard.Connector.Ecwid;

/// <summary>Ecwid's "Grant access" for <c>auth.type: oauth</c>: the merchant authorizes the app, the code is exchanged
/// for a token that does not expire (it is revoked when the app is uninstalled), and the token is stored encrypted.</summary>
public sealed class EcwidGrant : IAccessGrant
{
    public async Task<int> GrantAsync(ClientConfig client, GrantContext context, CancellationToken cancellationToken)
    {
        if (!EcwidOAuth.IsOAuth(client))
        {
            await context.Output.WriteLineAsync($"Client '{client.Name}' uses an access token from the integration files (auth.type: {client.Setting("auth.type")}); there is nothing to grant.");
            return 0;
        }
        var store = new EncryptedGrantStore(context.StateDirectory, context.Environment);
        try
        {
            // The key is checked before the merchant is sent anywhere: a grant that cannot be stored is wasted.
            SecretKey.From(context.Environment);
            var settings = EcwidOAuth.Settings(client);
            var token = await new AuthorizationCodeFlow(settings).RunAsync(context, cancellationToken);
            var path = await store.SaveAsync(client.Name, token, cancellationToken);
            await ReportAsync(client, settings, token, path, context.Output);
            return 0;
        }
        catch (GrantException e)
        {
            await context.Output.WriteLineAsync($"Access for client '{client.Name}' was not granted: {e.Message}");
            return 1;
        }
    }

    // Never the token itself: the store, the scopes and where the grant went.
    private static async Task ReportAsync(ClientConfig client, AuthorizationCodeSettings settings, JsonObject token, string path, TextWriter output)
    {
        var storeId = token["store_id"]?.ToString();
        var granted = (token["scope"]?.ToString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await output.WriteLineAsync($"Access granted for client '{client.Name}' to Ecwid store {storeId ?? "(not stated)"}.");
        await output.WriteLineAsync($"Scopes: {(granted.Length > 0 ? string.Join(' ', granted) : "(not stated)")}");
        if (settings.Scopes.Except(granted, StringComparer.Ordinal).ToArray() is { Length: > 0 } missing && granted.Length > 0)
            await output.WriteLineAsync($"Not granted: {string.Join(' ', missing)} — requests that need them will be refused with 403.");
        if (storeId is not null && client.Setting("storeId") is { } configured && configured != storeId)
            await output.WriteLineAsync($"Note: the token is for store {storeId}, but the client's storeId is {configured}; set storeId: \"{storeId}\".");
        await output.WriteLineAsync($"The token is stored encrypted in {path}");
    }
}
