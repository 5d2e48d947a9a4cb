using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>
/// CS-Cart REST API 2.0 emulator. Base URI <c>http://host:port</c>; routes under <c>/api/2.0/</c>. HTTP Basic with
/// <see cref="Email"/> and <see cref="ApiKey"/>; ids and numbers stored as numbers and sent as strings, as CS-Cart does.
/// Each object's store is keyed by its own id field (<c>product_id</c>, <c>category_id</c>, …; vendors and stores by
/// <c>company_id</c>).
/// </summary>
public sealed class CsCartEmulator : PlatformEmulator
{
    private readonly Dictionary<string, CsCartObject> _objects = new(StringComparer.Ordinal);

    internal CsCartEmulator(bool enforceRateLimits)
        // CS-Cart documents no request rate; it has a requests-per-hour quota answered with 509 (Tygh\Api\Response).
        : base(new RateLimitSettings(10_000, TimeSpan.FromHours(1), enforceRateLimits))
    {
        Categories = new EntityStore("category_id", generator: (_, n) => CsCartSeedData.Category(n));
        Features = new EntityStore("feature_id", generator: (_, n) => CsCartSeedData.Feature(n));
        Products = new EntityStore("product_id", generator: (_, n) => CsCartSeedData.Product(n,
            Categories.All.Select(c => JsonHelpers.IdOf(c, "category_id")).ToArray(),
            Features.All.Select(f => JsonHelpers.IdOf(f, "feature_id")).ToArray()));
        Users = new EntityStore("user_id", firstId: 3, generator: (_, n) => CsCartSeedData.User(n));
        Orders = new EntityStore("order_id", firstId: 100, generator: (_, n) => CsCartSeedData.Order(n, Users.Count,
            i => Products.Get(FirstProductId + i), Products.Count));
        Shipments = new EntityStore("shipment_id");
        Discussions = new EntityStore("post_id");
        UsergroupLinks = new EntityStore("link_id");

        Add(new CsCartObject("products", "products", Products)
        {
            Required = ["product", "category_ids", "price"],
            Filters = new HashSet<string> { "status", "company_id", "product_code", "product_type" },
            Defaults = () => new JsonObject { ["status"] = "A", ["company_id"] = CsCartSeedData.CompanyId, ["amount"] = 1, ["product_features"] = new JsonObject() },
        });
        Add(new CsCartObject("categories", "categories", Categories)
        {
            Required = ["category"],
            Filters = new HashSet<string> { "status", "parent_id", "company_id" },
            Defaults = () => new JsonObject { ["parent_id"] = 0, ["status"] = "A", ["company_id"] = CsCartSeedData.CompanyId },
        });
        Add(new CsCartObject("features", "features", Features)
        {
            Required = ["description", "feature_type"],
            Filters = new HashSet<string> { "status", "feature_type" },
        });
        Add(new CsCartObject("users", "users", Users)
        {
            Required = ["email", "user_type"],
            Filters = new HashSet<string> { "email", "user_type", "status", "company_id" },
            // fn_update_user refuses an e-mail another user has (fn_is_user_exists), with this notification.
            Unique = ("email", "The username or email you have chosen already exists."),
            Defaults = () => new JsonObject { ["status"] = "A", ["company_id"] = CsCartSeedData.CompanyId, ["lang_code"] = "en" },
        });
        Add(new CsCartObject("orders", "orders", Orders)
        {
            Required = ["products"],
            Filters = new HashSet<string> { "status", "user_id", "email", "company_id" },
            Defaults = () => new JsonObject { ["status"] = "O", ["company_id"] = CsCartSeedData.CompanyId },
        });
        Add(new CsCartObject("shipments", "shipments", Shipments)
        {
            Required = ["order_id"],
            Filters = new HashSet<string> { "order_id", "status", "carrier" },
        });
        Add(new CsCartObject("discussions", "discussions", Discussions)
        {
            Required = ["object_type", "object_id"],
            Filters = new HashSet<string> { "object_type", "object_id", "status", "type", "name" },
            Defaults = () => new JsonObject { ["status"] = "A", ["type"] = "B" },
        });
        // fn_get_usergroups() takes status and type, and no paging: the API answers every group at once.
        Add(new CsCartObject("usergroups", "usergroups", new EntityStore("usergroup_id", firstId: 3))
        {
            Filters = new HashSet<string> { "status", "type" }, ListedWholeById = true,
        });
        foreach (var (name, id) in new[] { ("payments", "payment_id"), ("shippings", "shipping_id"),
                     ("statuses", "status_id"), ("taxes", "tax_id"), ("languages", "lang_id"), ("pages", "page_id") })
            Add(new CsCartObject(name, name, new EntityStore(id)) { Filters = new HashSet<string> { "status", "type" } });
        // Vendors and stores are companies: listed by company_id, answered with store_id on create and update (vendors.rst).
        Add(new CsCartObject("stores", "stores", new EntityStore("company_id")) { AnsweredIdKey = "store_id", Required = ["company", "storefront"] });
        Add(new CsCartObject("vendors", "vendors", new EntityStore("company_id")) { AnsweredIdKey = "store_id", Required = ["company", "email"] });

        foreach (var (name, item) in CsCartSeedData.Reference()) _objects[name].Store.Add(item);
        Features.Seed(2);
    }

    private const long FirstProductId = 1;

    public string Email { get; } = "admin@example.com";

    /// <summary>CS-Cart generates 32-character API keys.</summary>
    public string ApiKey { get; } = "Sandb0xCsCartApiKey7Q2w9E4r6T1y3";

    /// <summary>What a request over quota gets: CS-Cart's own 509, or 429 as a rate-limiting proxy in front of it answers.</summary>
    public int QuotaStatus { get; set; } = 509;

    public EntityStore Products { get; }

    public EntityStore Categories { get; }

    public EntityStore Features { get; }

    public EntityStore Users { get; }

    public EntityStore Orders { get; }

    public EntityStore Shipments { get; }

    /// <summary>Reviews and comments; a product's have <c>object_type</c> "P" and <c>object_id</c> = the product.</summary>
    public EntityStore Discussions { get; }

    /// <summary>Users' usergroup memberships: <c>link_id</c>, <c>user_id</c>, <c>usergroup_id</c>, <c>status</c> (A, P, D, or F
    /// once removed), written through <c>users/{id}/usergroups/{usergroup_id}</c>.</summary>
    public EntityStore UsergroupLinks { get; }

    /// <summary>Every object's store by its API name (usergroups, payments, shippings, statuses, taxes, languages, pages,
    /// stores, vendors besides the ones above).</summary>
    public EntityStore Store(string name) => _objects[name].Store;

    internal CsCartObject ProductObject => _objects["products"];
    internal CsCartObject CategoryObject => _objects["categories"];
    internal CsCartObject FeatureObject => _objects["features"];
    internal CsCartObject DiscussionObject => _objects["discussions"];
    internal CsCartObject UserObject => _objects["users"];
    internal CsCartObject UsergroupObject => _objects["usergroups"];
    internal CsCartObject StoreObject => _objects["stores"];
    internal CsCartObject VendorObject => _objects["vendors"];

    /// <summary>Seeds <paramref name="products"/> products plus proportional categories, users, orders with their
    /// shipments, and a review on every tenth product.</summary>
    public void Seed(int products)
    {
        Categories.Seed(SeedPlan.Categories(products));
        var seeded = Products.Seed(products);
        Users.Seed(SeedPlan.Customers(products));
        var n = 0;
        foreach (var order in Orders.Seed(SeedPlan.Orders(products)))
            if (order["status"]?.GetValue<string>() == "C")
                Shipments.Add(CsCartSeedData.Shipment(JsonHelpers.IdOf(order, "order_id"), ++n));
        foreach (var product in seeded.Where((_, i) => i % 10 == 0))
            Discussions.Add(CsCartSeedData.Discussion(JsonHelpers.IdOf(product, "product_id"), ++n));
    }

    private void Add(CsCartObject o) => _objects.Add(o.Name, o);

    private protected override string BasePath => "/api/2.0";

    private protected override string PublicPath => "";

    private protected override TimeSpan DefaultInjectedWait => TimeSpan.FromSeconds(1);

    private protected override void MapRoutes(RouteGroupBuilder routes)
    {
        // Nested routes first: they are more specific than /{object}/{id}.
        CsCartNestedRoutes.Map(routes, this);
        CsCartUsergroupLinkRoutes.Map(routes, this);
        foreach (var o in _objects.Values) CsCartObjectRoutes.Map(routes, this, o);
    }

    /// <summary>The JSON object a write carries, or the error to answer instead.</summary>
    internal IResult? ObjectBody(HttpContext context, out JsonObject body)
    {
        body = [];
        var read = ReadJson(context);
        if (read.Error is { } error) return error;
        if (read.Node is not JsonObject o) return CsCartErrors.Error(400, "The request body must be a JSON object");
        body = o;
        return null;
    }

    private protected override string? CredentialOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;

    private static (string User, string Key)? Basic(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':');
            return colon < 0 ? null : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private protected override bool IsAuthorized(HttpRequest request) =>
        Basic(request) is var (user, key)
        && string.Equals(user, Email, StringComparison.OrdinalIgnoreCase)
        && string.Equals(key, ApiKey, StringComparison.Ordinal);

    private protected override string RateLimitKey(HttpRequest request) => Basic(request)?.User ?? "";

    private protected override IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"User email/API key\"";
        return CsCartErrors.Error(401);
    }

    private protected override IResult TooManyRequests(HttpContext context, RateDecision decision)
    {
        if (QuotaStatus == 429)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return CsCartErrors.Error(QuotaStatus);
    }

    private protected override IResult ServerError(HttpContext context, int status) => CsCartErrors.Error(status);

    private protected override IResult RouteNotFound(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var name = path.StartsWith(BasePath + "/", StringComparison.Ordinal) ? path[(BasePath.Length + 1)..].Split('/')[0] : "";
        return name.Length > 0 && !_objects.ContainsKey(name)
            ? CsCartErrors.Error(404, $"Entity {name} was not found")
            : CsCartErrors.Error(404);
    }

    private protected override IResult MalformedJson(HttpContext context, string detail) => CsCartErrors.Error(400, "Invalid JSON: " + detail);

    // Without application/json CS-Cart reads the body as its default text/plain and the write fails (api/index.rst);
    // a type it has no format for at all is 415.
    private protected override IResult UnsupportedMediaType(HttpContext context)
    {
        var type = context.Request.ContentType;
        return type is null || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
            ? CsCartErrors.Error(400, "The request data is not in the JSON format; send Content-Type: application/json")
            : CsCartErrors.Error(415);
    }

    private protected override IResult Rejected(HttpContext context, int status, string message) =>
        CsCartErrors.Error(status == 0 ? 400 : status, message);
}
