using Switchboard.Sandbox;

namespace Switchboard.Host;

/// <summary>The environment variables the examples read, pointed at a running sandbox.</summary>
public static class SandboxEnvironment
{
    public static IReadOnlyDictionary<string, string> For(SandboxServer sandbox) => new Dictionary<string, string>
    {
        ["BIGCOMMERCE_BASE_URI"] = sandbox.BigCommerce.BaseUri.ToString().TrimEnd('/'),
        ["BIGCOMMERCE_ACCESS_TOKEN"] = sandbox.BigCommerce.AccessToken,
        ["ECWID_BASE_URI"] = sandbox.Ecwid.BaseUri.ToString().TrimEnd('/'),
        ["ECWID_STORE_ID"] = sandbox.Ecwid.StoreId.ToString(),
        ["ECWID_ACCESS_TOKEN"] = sandbox.Ecwid.AccessToken,
        ["CSCART_BASE_URI"] = sandbox.CsCart.BaseUri.ToString().TrimEnd('/'),
        ["CSCART_EMAIL"] = sandbox.CsCart.Email,
        ["CSCART_API_KEY"] = sandbox.CsCart.ApiKey,
        // For auth.type: oauth, granted with `switchboard grant`.
        ["ECWID_OAUTH_CLIENT_ID"] = sandbox.Ecwid.OAuthClientId,
        ["ECWID_OAUTH_CLIENT_SECRET"] = sandbox.Ecwid.OAuthClientSecret,
        ["ECWID_OAUTH_AUTHORIZE_URL"] = sandbox.Ecwid.AuthorizeUri.ToString(),
        ["ECWID_OAUTH_TOKEN_URL"] = sandbox.Ecwid.TokenUri.ToString(),
    };

    public static void Apply(SandboxServer sandbox)
    {
        foreach (var (name, value) in For(sandbox)) Environment.SetEnvironmentVariable(name, value);
    }

    public static IEnumerable<string> Describe(SandboxServer sandbox)
    {
        yield return $"BigCommerce  {sandbox.BigCommerce.BaseUri}  (X-Auth-Token: {sandbox.BigCommerce.AccessToken})";
        yield return $"Ecwid        {sandbox.Ecwid.BaseUri}  (store {sandbox.Ecwid.StoreId}, Bearer {sandbox.Ecwid.AccessToken})";
        yield return $"CS-Cart      {sandbox.CsCart.BaseUri}  (Basic {sandbox.CsCart.Email} / {sandbox.CsCart.ApiKey})";
        yield return $"Ecwid OAuth  {sandbox.Ecwid.AuthorizeUri}  (app {sandbox.Ecwid.OAuthClientId}; the merchant consents at once)";
        yield return "";
        yield return "For the examples:";
        foreach (var (name, value) in For(sandbox)) yield return $"export {name}={value}";
    }
}
