using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Switchboard.Sandbox;

/// <summary>
/// commercetools HTTP API emulator: one server is both the region's API URL (<c>/{ProjectKey}/{resource}</c>) and its
/// auth URL (<c>POST /oauth/token</c>, client credentials with HTTP Basic). Ids are UUIDs, every object has a
/// <c>version</c>, lists are <c>{limit, offset, count, total, results}</c> with <c>where</c>, <c>sort</c>,
/// <c>expand</c> and <c>withTotal</c>, limit at most 500 and offset at most 10,000.
/// </summary>
public sealed class CommercetoolsEmulator : PlatformEmulator
{
    private readonly Dictionary<string, CommercetoolsResourceTable> _tables = new(StringComparer.Ordinal);

    internal CommercetoolsEmulator()
        // commercetools documents no request-rate limit (platforms/commercetools.md); injected 429s still work.
        : base(new RateLimitSettings(int.MaxValue, TimeSpan.FromSeconds(1), enabled: false))
    {
        foreach (var (resource, typeId) in ResourceTypes)
            _tables[resource] = new CommercetoolsResourceTable(resource, typeId, resource == "customers" ? "email" : null);
        ProductTypes.Seed(CommercetoolsSeedData.ProductType());
    }

    /// <summary>URL name → reference type id, for every resource the emulator keeps.</summary>
    internal static readonly IReadOnlyDictionary<string, string> ResourceTypes = new Dictionary<string, string>
    {
        ["products"] = "product", ["product-types"] = "product-type", ["product-discounts"] = "product-discount",
        ["product-selections"] = "product-selection", ["standalone-prices"] = "standalone-price", ["categories"] = "category",
        ["attribute-groups"] = "attribute-group", ["customers"] = "customer", ["customer-groups"] = "customer-group",
        ["business-units"] = "business-unit", ["carts"] = "cart", ["cart-discounts"] = "cart-discount",
        ["discount-codes"] = "discount-code", ["orders"] = "order", ["payments"] = "payment", ["shopping-lists"] = "shopping-list",
        ["inventory"] = "inventory-entry", ["channels"] = "channel", ["stores"] = "store", ["tax-categories"] = "tax-category",
        ["shipping-methods"] = "shipping-method", ["zones"] = "zone", ["types"] = "type", ["states"] = "state",
        ["reviews"] = "review", ["custom-objects"] = "key-value-document", ["subscriptions"] = "subscription", ["extensions"] = "extension",
    };

    public string ProjectKey { get; } = "sandbox";

    public string ClientId { get; } = "sandbox-client";

    public string ClientSecret { get; } = "sandbox-secret";

    /// <summary>The scopes the sandbox's API client may request; a token asks for these unless it names fewer.</summary>
    public IReadOnlyList<string> ClientScopes { get; set; } = ["manage_project:sandbox"];

    /// <summary>The region's auth URL: the same server.</summary>
    public Uri AuthUrl => BaseUri;

    public CommercetoolsTokens Tokens { get; } = new();

    public CommercetoolsResourceTable Resources(string resource) => _tables[resource];

    public CommercetoolsResourceTable Products => _tables["products"];

    public CommercetoolsResourceTable ProductTypes => _tables["product-types"];

    public CommercetoolsResourceTable Categories => _tables["categories"];

    public CommercetoolsResourceTable Customers => _tables["customers"];

    public CommercetoolsResourceTable Carts => _tables["carts"];

    public CommercetoolsResourceTable Orders => _tables["orders"];

    internal CommercetoolsResourceTable? Table(string resource) => _tables.GetValueOrDefault(resource);

    internal CommercetoolsResourceTable? TableOfType(string typeId) => _tables.Values.FirstOrDefault(t => t.TypeId == typeId);

    /// <summary>Generates products (published, in the seeded product type), a category for every twenty, and a
    /// customer and an order for every two.</summary>
    public void Seed(int products) => CommercetoolsSeedData.Seed(this, products);

    private protected override string BasePath => "";

    private protected override string PublicPath => "/";

    private protected override TimeSpan DefaultInjectedWait => TimeSpan.FromSeconds(1);

    private protected override void MapRoutes(RouteGroupBuilder routes)
    {
        routes.MapPost("/oauth/token", (HttpContext c) => Token(c));
        CommercetoolsRoutes.Map(routes, this);
    }

    internal JsonBody Body(HttpContext context) => ReadJson(context);

    private protected override string? CredentialOf(HttpRequest request) => request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null;

    internal static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    // The token endpoint authenticates clients itself (HTTP Basic); everything else needs a valid bearer token.
    private protected override bool IsAuthorized(HttpRequest request) =>
        request.Path == "/oauth/token" || Tokens.Find(BearerOf(request)) is not null;

    private protected override string RateLimitKey(HttpRequest request) => BearerOf(request) ?? "";

    private protected override IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"sandbox\", error=\"invalid_token\"";
        return BearerOf(context.Request) is null
            ? CommercetoolsErrors.Error(401, "invalid_token", "This endpoint requires an access token. You can get one from the authorization server.", oauth: true)
            : CommercetoolsErrors.Error(401, "invalid_token", "invalid_token", oauth: true);
    }

    private protected override IResult TooManyRequests(HttpContext context, RateDecision decision)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return CommercetoolsErrors.Error(429, "TooManyRequests", "Too many requests. Please retry later.");
    }

    // 502/503 are commercetools' "try again with backoff" answers (OverCapacity, PendingOperation); 500 is General.
    private protected override IResult ServerError(HttpContext context, int status) => status switch
    {
        503 => CommercetoolsErrors.Error(503, "OverCapacity", "The service is temporarily over capacity. Please retry with exponential backoff."),
        502 => CommercetoolsErrors.Error(502, "PendingOperation", "A previous operation is still pending. Please retry with exponential backoff."),
        _ => CommercetoolsErrors.Error(status, "General", "Internal Server Error"),
    };

    private protected override IResult RouteNotFound(HttpContext context) =>
        CommercetoolsErrors.Error(404, "ResourceNotFound", $"The endpoint '{context.Request.Method} {context.Request.Path}' was not found.");

    private protected override IResult MalformedJson(HttpContext context, string detail) => CommercetoolsErrors.InvalidJson(detail);

    private protected override IResult UnsupportedMediaType(HttpContext context) =>
        CommercetoolsErrors.InvalidJson("The request body must be JSON (Content-Type: application/json).");

    private protected override IResult Rejected(HttpContext context, int status, string message) =>
        CommercetoolsErrors.Error(status == 0 ? 400 : status, "InvalidInput", message);

    /// <summary>Client credentials: Basic id:secret, form <c>grant_type</c> and <c>scope</c> (the query works too).</summary>
    private IResult Token(HttpContext context)
    {
        var form = QueryHelpers.ParseQuery(BodyText(context) ?? "");
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : context.Request.Query[name].FirstOrDefault();

        if (!TryBasic(context.Request, out var clientId, out var secret) || clientId != ClientId || secret != ClientSecret)
            return CommercetoolsErrors.Error(401, "invalid_client", "Please provide valid client credentials using HTTP Basic Authentication.", oauth: true);
        var grantType = Field("grant_type");
        if (string.IsNullOrEmpty(grantType))
            return CommercetoolsErrors.Error(400, "invalid_request", "Missing required parameter: grant_type.", oauth: true);
        if (grantType != "client_credentials")
            return CommercetoolsErrors.Error(400, "unsupported_grant_type", $"Invalid parameter: grant_type: Invalid grant type: {grantType}", oauth: true);
        var requested = (Field("scope") ?? string.Join(' ', ClientScopes)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var refused = requested.Where(s => !Allows(ClientScopes, s)).ToArray();
        if (refused.Length > 0)
            return CommercetoolsErrors.Error(400, "invalid_scope", $"Invalid scopes: {string.Join(' ', refused)}", oauth: true);

        var scope = string.Join(' ', requested);
        var (token, _) = Tokens.Issue(scope);
        return JsonHelpers.Json(200, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)Tokens.Lifetime.TotalSeconds,
            ["scope"] = scope,
        });
    }

    /// <summary>A client with <c>manage_project:{key}</c> may ask for any scope of that project.</summary>
    private static bool Allows(IReadOnlyList<string> granted, string scope) =>
        granted.Contains(scope) || scope.Split(':') is [_, var project] && granted.Contains($"manage_project:{project}");

    private static bool TryBasic(HttpRequest request, out string clientId, out string secret)
    {
        clientId = secret = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':');
            if (colon < 0) return false;
            clientId = Uri.UnescapeDataString(pair[..colon]);
            secret = Uri.UnescapeDataString(pair[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>403 unless the token's scopes cover the resource: <c>manage_project</c>, or <c>view_…</c> for reads and
    /// <c>manage_…</c> for writes of the resource's group (products, orders, customers, …).</summary>
    internal IResult? Authorize(HttpContext context, string projectKey, string resource)
    {
        var scopes = Tokens.Find(BearerOf(context.Request))?.Scopes ?? [];
        if (scopes.Contains($"manage_project:{projectKey}")) return null;
        var group = resource switch
        {
            "products" or "product-projections" or "product-types" or "inventory" => "products",
            "customers" or "customer-groups" => "customers",
            "carts" or "orders" or "payments" or "shopping-lists" => "orders",
            _ => resource.Replace('-', '_'),
        };
        var read = HttpMethods.IsGet(context.Request.Method);
        if (scopes.Contains($"manage_{group}:{projectKey}") || read && scopes.Contains($"view_{group}:{projectKey}")) return null;
        return CommercetoolsErrors.InsufficientScope($"{(read ? "view" : "manage")}_{group}:{projectKey}");
    }
}
