using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>
/// BigCommerce REST Management API emulator. Base URI <c>http://host:port/stores/{StoreHash}</c>; v3 catalog
/// and customers, v2 orders. Variants live in one <see cref="Variants"/> store (ids global, as on BigCommerce),
/// each with its <c>product_id</c>; every product has a base variant (<c>base_variant_id</c>, same SKU).
/// Order lines (<c>/v2/orders/{id}/products</c>) live in <see cref="OrderProducts"/> with <c>order_id</c>.
/// </summary>
public sealed class BigCommerceEmulator : PlatformEmulator
{
    internal BigCommerceEmulator(bool enforceRateLimits)
        // Standard/Plus plan: 150 requests per 30 s window (platforms/bigcommerce.md).
        : base(new RateLimitSettings(150, TimeSpan.FromSeconds(30), enforceRateLimits))
    {
        Categories = new EntityStore(generator: (_, n) => BigCommerceSeedData.Category(n));
        Variants = new EntityStore(indexedBy: "product_id");
        Products = new EntityStore(
            generator: (_, n) => BigCommerceSeedData.Product(n, Categories.Count),
            afterSeed: AddBaseVariant);
        Customers = new EntityStore(
            generator: (_, n) => BigCommerceSeedData.Customer(n),
            afterSeed: c => NumberAddresses(JsonHelpers.IdOf(c)));
        OrderProducts = new EntityStore();
        Orders = new EntityStore(
            firstId: 100,
            generator: (id, n) => BigCommerceSeedData.Order(id, n, Customers.Count, Products.Count),
            afterSeed: MovePendingLines);
    }

    public string StoreHash { get; } = "sandbox";

    public string AccessToken { get; } = "bc-sandbox-token";

    public EntityStore Products { get; }

    /// <summary>All variants of all products; filter by <c>product_id</c> (or use <see cref="VariantsOf"/>).</summary>
    public EntityStore Variants { get; }

    public EntityStore Categories { get; }

    public EntityStore Customers { get; }

    /// <summary>v2 orders (ids start at 100); money fields are decimal strings, dates RFC 2822, as in v2.</summary>
    public EntityStore Orders { get; }

    /// <summary>v2 order lines, each with <c>order_id</c>.</summary>
    public EntityStore OrderProducts { get; }

    public IReadOnlyList<JsonObject> VariantsOf(long productId) =>
        Variants.WithValue("product_id", productId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Seeds <paramref name="products"/> products plus proportional categories, customers and orders.</summary>
    public void Seed(int products)
    {
        Categories.Seed(SeedPlan.Categories(products));
        Products.Seed(products);
        Customers.Seed(SeedPlan.Customers(products));
        Orders.Seed(SeedPlan.Orders(products));
    }

    /// <summary>Customer addresses are a v3 resource of their own: each has a store-wide id and its customer's id
    /// (customers.v3.yml requires both). Gives them to the customer's addresses that have none yet.</summary>
    internal JsonObject NumberAddresses(long customerId) =>
        Customers.Update(customerId, customer =>
        {
            foreach (var address in (customer["addresses"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (address["id"] is null) address["id"] = Interlocked.Increment(ref _lastAddressId);
                address["customer_id"] = customerId;
            }
        })!;

    private long _lastAddressId;

    private void AddBaseVariant(JsonObject product)
    {
        var variant = Variants.Add(BigCommerceSeedData.BaseVariant(product));
        Products.Update(JsonHelpers.IdOf(product), p => p["base_variant_id"] = JsonHelpers.IdOf(variant));
    }

    private void MovePendingLines(JsonObject order)
    {
        var id = JsonHelpers.IdOf(order);
        if (order[BigCommerceSeedData.PendingLines] is JsonArray lines)
        {
            foreach (var line in lines.OfType<JsonObject>())
            {
                var stored = new JsonObject { ["order_id"] = id };
                foreach (var (k, v) in line) stored[k] = v?.DeepClone();
                OrderProducts.Add(stored);
            }
        }
        Orders.Update(id, o => o.Remove(BigCommerceSeedData.PendingLines));
    }

    private protected override string BasePath => $"/stores/{StoreHash}";

    // Injected 429s: the client is told to wait this long in X-Rate-Limit-Time-Reset-Ms.
    private protected override TimeSpan DefaultInjectedWait => TimeSpan.FromMilliseconds(300);

    private protected override void MapRoutes(RouteGroupBuilder routes)
    {
        BigCommerceProductRoutes.Map(routes, this);
        BigCommerceVariantBatchRoutes.Map(routes, this);
        BigCommerceCategoryRoutes.Map(routes, this);
        BigCommerceCustomerRoutes.Map(routes, this);
        BigCommerceOrderRoutes.Map(routes, this);
    }

    internal JsonBody Body(HttpContext context) => ReadJson(context);

    private protected override string? CredentialOf(HttpRequest request) =>
        request.Headers.TryGetValue("X-Auth-Token", out var v) ? v.ToString() : null;

    private protected override bool IsAuthorized(HttpRequest request) =>
        string.Equals(CredentialOf(request), AccessToken, StringComparison.Ordinal);

    // Quotas are per store, not per token.
    private protected override string RateLimitKey(HttpRequest request) => StoreHash;

    private protected override void OnRateDecision(HttpContext context, RateDecision decision) => WriteRateHeaders(context, decision);

    private static void WriteRateHeaders(HttpContext context, RateDecision d)
    {
        var h = context.Response.Headers;
        h["X-Rate-Limit-Requests-Left"] = d.Left.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-Rate-Limit-Requests-Quota"] = d.Quota.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-Rate-Limit-Time-Window-Ms"] = ((long)d.Window.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-Rate-Limit-Time-Reset-Ms"] = ((long)Math.Ceiling(Math.Max(0, d.ResetIn.TotalMilliseconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // The spec documents 401 as plain text; the live API answers with the v3 error object (v2: the error array).
    private protected override IResult Unauthorized(HttpContext context) =>
        BigCommerceErrors.IsV2(context)
            ? BigCommerceErrors.V2(401, "No credentials were supplied in the request.")
            : BigCommerceErrors.V3(401, "Unauthorized", new JsonObject());

    private protected override IResult TooManyRequests(HttpContext context, RateDecision decision)
    {
        WriteRateHeaders(context, decision);
        return BigCommerceErrors.For(context, 429, "Too many requests", new JsonObject());
    }

    private protected override IResult ServerError(HttpContext context, int status) =>
        BigCommerceErrors.For(context, status, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } title ? title : "Internal Server Error");

    private protected override IResult RouteNotFound(HttpContext context) => BigCommerceErrors.NotFound(context);

    private protected override IResult MalformedJson(HttpContext context, string detail) =>
        BigCommerceErrors.IsV2(context)
            ? BigCommerceErrors.V2(400, "The request body is not valid JSON: " + detail)
            : BigCommerceErrors.V3(422, "JSON data is missing or invalid", new JsonObject { ["body"] = detail });

    private protected override IResult UnsupportedMediaType(HttpContext context) =>
        BigCommerceErrors.For(context, 415, "The request payload must be application/json.");

    private protected override IResult Rejected(HttpContext context, int status, string message) =>
        BigCommerceErrors.IsV2(context)
            ? BigCommerceErrors.V2(status == 0 ? 400 : status, message)
            : BigCommerceErrors.V3(status == 0 ? 422 : status, message, new JsonObject { ["sandbox"] = message });
}
