using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>
/// Ecwid REST API v3 emulator. Base URI <c>http://host:port/api/v3</c>; routes under <c>/{StoreId}/</c>.
/// Ids look like Ecwid's (products from 100000001, categories from 9000001, customers from 200000001);
/// orders are keyed by <c>orderNumber</c> (from 1001) and also carry Ecwid's alphanumeric <c>id</c>.
/// Combinations (variations) live in <see cref="Combinations"/>, each with its <c>productId</c>.
/// </summary>
public sealed class EcwidEmulator : PlatformEmulator
{
    internal EcwidEmulator(bool enforceRateLimits)
        // 600 requests per minute per token (platforms/ecwid.md).
        : base(new RateLimitSettings(600, TimeSpan.FromMinutes(1), enforceRateLimits))
    {
        Categories = new EntityStore(firstId: 9_000_001, generator: (_, n) => EcwidSeedData.Category(n));
        Products = new EntityStore(firstId: FirstProductId,
            generator: (_, n) => EcwidSeedData.Product(n, Categories.All.Select(c => JsonHelpers.IdOf(c)).ToArray()), indexedBy: "sku");
        Combinations = new EntityStore(firstId: 300_000_001, indexedBy: ["sku", "productId"]);
        Customers = new EntityStore(firstId: FirstCustomerId, generator: (_, n) => EcwidSeedData.Customer(n));
        Orders = new EntityStore(idProperty: "orderNumber", firstId: 1001,
            generator: (number, n) => EcwidSeedData.Order(number, n, Customers.Count, Products.Count, i => Products.Get(FirstProductId + i),
                c => Customers.Get(FirstCustomerId + c - 1)));
        Tokens.Add(AccessToken, EcwidAccessTokens.KnownScopes);
        ProductClasses.Add(EcwidProductClassRoutes.GeneralType(this));
    }

    private const long FirstProductId = 100_000_001;

    private const long FirstCustomerId = 200_000_001;

    public long StoreId { get; } = 1003;

    /// <summary>The store's own token (the one a custom app shows in the control panel), with every scope.</summary>
    public string AccessToken { get; } = "secret_sandbox";

    /// <summary>Every token the API accepts, with its scopes; the OAuth flow adds to it.</summary>
    public EcwidAccessTokens Tokens { get; } = new();

    /// <summary>The one registered app of the OAuth flow.</summary>
    public string OAuthClientId { get; } = "sandbox-app";

    public string OAuthClientSecret { get; } = "sandbox-app-secret";

    /// <summary>When set, the authorize page redirects with <c>error=access_denied</c>, as when the merchant declines.</summary>
    public bool DenyAuthorization { get; set; }

    public Uri AuthorizeUri => new(BaseUri, EcwidOAuthRoutes.AuthorizePath);

    public Uri TokenUri => new(BaseUri, EcwidOAuthRoutes.TokenPath);

    public EntityStore Products { get; }

    /// <summary>Products, customers and orders deleted through the API, as the <c>…/deleted</c> feeds list them.</summary>
    public EcwidDeletions Deletions { get; } = new();

    /// <summary>Product variations; filter by <c>productId</c> (or use <see cref="CombinationsOf"/>).</summary>
    public EntityStore Combinations { get; }

    public EntityStore Categories { get; }

    public EntityStore Customers { get; }

    /// <summary>Keyed by <c>orderNumber</c>; <c>id</c> is the alphanumeric order id.</summary>
    public EntityStore Orders { get; }

    /// <summary>Product types (<c>/classes</c>); id 0 is "General", which a fresh store has.</summary>
    public EntityStore ProductClasses { get; } = new(firstId: EcwidProductClassRoutes.General);

    private long _lastAttributeId = 5_029_056;

    internal long NextAttributeId() => Interlocked.Increment(ref _lastAttributeId);

    public IReadOnlyList<JsonObject> CombinationsOf(long productId) =>
        Combinations.WithValue("productId", productId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Seeds <paramref name="products"/> products plus proportional categories, customers and orders.</summary>
    public void Seed(int products)
    {
        Categories.Seed(SeedPlan.Categories(products));
        Products.Seed(products);
        Customers.Seed(SeedPlan.Customers(products));
        Orders.Seed(SeedPlan.Orders(products));
    }

    private protected override string BasePath => $"/api/v3/{StoreId}";

    private protected override string PublicPath => "/api/v3";

    private protected override TimeSpan DefaultInjectedWait => TimeSpan.FromSeconds(1);

    private protected override void MapRoutes(RouteGroupBuilder routes)
    {
        routes.AddEndpointFilter((context, next) =>
            EcwidScopes.Check(context.HttpContext, BasePath, Tokens.ScopesOf(TokenOf(context.HttpContext.Request))) is { } refused
                ? ValueTask.FromResult<object?>(refused)
                : next(context));
        EcwidProductRoutes.Map(routes, this);
        EcwidCategoryRoutes.Map(routes, this);
        EcwidCustomerRoutes.Map(routes, this);
        EcwidOrderRoutes.Map(routes, this);
        EcwidDeletedRoutes.Map(routes, this);
        EcwidProductClassRoutes.Map(routes, this);
    }

    private protected override void MapPublicRoutes(IEndpointRouteBuilder app) => EcwidOAuthRoutes.Map(app, this);

    private protected override bool IsPublic(HttpRequest request) => request.Path.StartsWithSegments("/api/oauth", StringComparison.Ordinal);

    internal JsonBody Body(HttpContext context) => ReadJson(context);

    internal static string? BodyOf(HttpContext context) => BodyText(context);

    // Bearer header first; the older ?token= query parameter is still accepted.
    private protected override string? CredentialOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0) return header;
        return request.Query.TryGetValue("token", out var t) ? t.ToString() : null;
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Query.TryGetValue("token", out var t) ? t.ToString() : null;
    }

    private protected override bool IsAuthorized(HttpRequest request) => Tokens.ScopesOf(TokenOf(request)) is not null;

    private protected override string RateLimitKey(HttpRequest request) => TokenOf(request) ?? "";

    private protected override IResult Unauthorized(HttpContext context) =>
        EcwidErrors.Error(403, "Invalid access token in the request", "INVALID_API_TOKEN");

    private protected override IResult TooManyRequests(HttpContext context, RateDecision decision)
    {
        // Retry-After is whole seconds; never 0, or clients would hammer the API.
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return EcwidErrors.Error(429, "Too many requests, rate limit exceeded", "RATE_LIMITED");
    }

    private protected override IResult ServerError(HttpContext context, int status) =>
        EcwidErrors.Error(status, "Internal server error", "INTERNAL_ERROR");

    private protected override IResult RouteNotFound(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        return path.StartsWith("/api/v3/", StringComparison.Ordinal) && !path.StartsWith(BasePath + "/", StringComparison.Ordinal) && path != BasePath
            ? EcwidErrors.Error(404, "Store with specified ID was not found", "STORE_NOT_FOUND")
            : EcwidErrors.Error(404, "Resource not found", "NOT_FOUND");
    }

    private protected override IResult MalformedJson(HttpContext context, string detail) =>
        EcwidErrors.WrongParameter("Cannot parse request body as JSON: " + detail);

    private protected override IResult UnsupportedMediaType(HttpContext context) =>
        EcwidErrors.Error(415, "Content type must be application/json", "UNSUPPORTED_MEDIA_TYPE");

    private protected override IResult Rejected(HttpContext context, int status, string message) =>
        EcwidErrors.Error(status == 0 ? 400 : status, message, "WRONG_PARAMETER");
}
