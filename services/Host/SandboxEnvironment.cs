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
        ["OPENCART_BASE_URI"] = sandbox.OpenCart.BaseUri.ToString().TrimEnd('/'),
        ["OPENCART_USERNAME"] = sandbox.OpenCart.Username,
        ["OPENCART_API_KEY"] = sandbox.OpenCart.ApiKey,
        ["COMMERCETOOLS_API_URL"] = sandbox.Commercetools.BaseUri.ToString().TrimEnd('/'),
        ["COMMERCETOOLS_AUTH_URL"] = sandbox.Commercetools.AuthUrl.ToString().TrimEnd('/'),
        ["COMMERCETOOLS_PROJECT_KEY"] = sandbox.Commercetools.ProjectKey,
        ["COMMERCETOOLS_CLIENT_ID"] = sandbox.Commercetools.ClientId,
        ["COMMERCETOOLS_CLIENT_SECRET"] = sandbox.Commercetools.ClientSecret,
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
        yield return $"OpenCart     {sandbox.OpenCart.BaseUri}  (OpenCart {sandbox.OpenCart.Version}, API user {sandbox.OpenCart.Username})";
        yield return $"commercetools {sandbox.Commercetools.BaseUri}  (project {sandbox.Commercetools.ProjectKey}, client {sandbox.Commercetools.ClientId}, token at {sandbox.Commercetools.AuthUrl}oauth/token)";
        yield return "";
        yield return "For the examples:";
        foreach (var (name, value) in For(sandbox)) yield return $"export {name}={value}";
    }
}
