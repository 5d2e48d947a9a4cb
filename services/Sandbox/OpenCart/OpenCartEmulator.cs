using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>
/// OpenCart's order-editing API (<c>index.php?route=api/…</c>), in the generation <see cref="Version"/> names: 3.0
/// (<c>api/login</c> session, <c>api_token</c>), 4.0 (<c>api/account/login</c>, <c>api/sale/*</c> with the release's
/// method separator) or 4.1 (stateless <c>route=api/order&amp;call=…</c>, HMAC-SHA1 signed). Answers are HTTP 200
/// with <c>{"error": …}</c> for refusals, except 4.1's signature check (403). See OpenCart/README.md.
/// </summary>
public sealed class OpenCartEmulator : PlatformEmulator
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OpenCartSession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allowedIps = ["127.0.0.1", "::1"];
    private readonly ConcurrentDictionary<long, JsonObject> _products = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _answers = new(StringComparer.Ordinal);
    private readonly List<OpenCartPost> _posts = [];
    private readonly Dictionary<string, int> _expiries = new(StringComparer.Ordinal);

    internal OpenCartEmulator()
        // OpenCart itself sets no request quota; injected 429s stand for a proxy in front of it.
        : base(new RateLimitSettings(1_000_000, TimeSpan.FromMinutes(1), enabled: false))
    {
        foreach (var product in OpenCartSeedData.Products()) AddProduct(product);
    }

    /// <summary>The release the store runs: "3.0.3.8" (default), "4.0.1.3" (<c>|</c> routes), "4.0.2.3" (<c>.</c> routes), "4.1.0.0".</summary>
    public string Version { get; set; } = "3.0.3.8";

    /// <summary>The API user of System → Users → API.</summary>
    public string Username { get; } = "Default";

    public string ApiKey { get; } = "sandbox-" + new string('k', 56);

    /// <summary>Sessions end this long after their last use (OpenCart: one hour).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far a 4.1 call's <c>time</c> may be from the store's clock, when <see cref="ChecksSignatureTime"/>.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromSeconds(450);

    /// <summary>False, as 4.1.0.x is released: catalog/controller/startup/api.php refuses a call when
    /// <c>$time &lt; $time_start &amp;&amp; $time &gt; $time_end</c>, which no time satisfies, so any <c>time</c> passes.
    /// True stands for a store whose check reads <c>||</c> (a later revision of the same file): a call more than
    /// <see cref="SignatureWindow"/> from the store's clock is refused with 403.</summary>
    public bool ChecksSignatureTime { get; set; }

    /// <summary>How far the store's clock is from the real time (a store whose clock is off).</summary>
    public TimeSpan ClockOffset { get; set; }

    public Dictionary<string, JsonObject> Coupons { get; } = OpenCartSeedData.Coupons();

    /// <summary>Orders created by <c>order/add</c> (4.0 <c>confirm</c>), keyed by <c>order_id</c>.</summary>
    public EntityStore Orders { get; } = new(idProperty: "order_id", firstId: 1);

    public IReadOnlyList<JsonObject> Products => _products.Values.OrderBy(p => p["product_id"]!.GetValue<long>()).Select(p => (JsonObject)p.DeepClone()).ToArray();

    public IReadOnlyCollection<string> AllowedIps { get { lock (_gate) return _allowedIps.ToArray(); } }

    /// <summary>Every call with its POST fields as PHP parsed them into <c>$_POST</c>.</summary>
    public IReadOnlyList<OpenCartPost> Posts { get { lock (_gate) return _posts.ToArray(); } }

    public int ActiveSessions { get { lock (_gate) return _sessions.Count; } }

    public void AllowIp(string ip)
    {
        lock (_gate) _allowedIps.Add(ip);
    }

    public void DisallowIp(string ip)
    {
        lock (_gate) _allowedIps.Remove(ip);
    }

    /// <summary>Ends every session now, as an hour without use would.</summary>
    public void ExpireSessions()
    {
        lock (_gate) _sessions.Clear();
    }

    /// <summary>Every session ends just before the <paramref name="call"/>-th call (from 1) of <paramref name="route"/>
    /// is handled, as if the hour had run out at that moment of a run.</summary>
    public void ExpireSessionsAtCall(string route, int call)
    {
        lock (_gate) _expiries[route] = call;
    }

    /// <summary>Adds or replaces a product (<c>product_id</c>, <c>name</c>, <c>model</c>, <c>price</c>, optionally <c>shipping</c>).</summary>
    public void AddProduct(JsonObject product)
    {
        var copy = (JsonObject)product.DeepClone();
        copy["quantity"] ??= 1000;
        copy["minimum"] ??= 1;
        copy["shipping"] ??= true;
        copy["required_options"] ??= new JsonObject();
        _products[copy["product_id"]!.GetValue<long>()] = copy;
    }

    internal JsonObject? Product(long id) => _products.TryGetValue(id, out var p) ? p : null;

    /// <summary>The next call of <paramref name="route"/> (e.g. "api/coupon") is answered, HTTP 200, with
    /// <paramref name="answer"/> instead of what the store would say — for refusals the sandbox's data cannot provoke.</summary>
    public void AnswerNext(string route, JsonObject answer) =>
        _answers.GetOrAdd(route, _ => new ConcurrentQueue<JsonObject>()).Enqueue(answer);

    private protected override string BasePath => "";

    private protected override string PublicPath => "/";

    private protected override TimeSpan DefaultInjectedWait => TimeSpan.FromSeconds(1);

    private protected override void MapRoutes(RouteGroupBuilder routes) =>
        routes.MapMethods("/index.php", ["GET", "POST"], Handle);

    private protected override string? CredentialOf(HttpRequest request) =>
        request.Query.TryGetValue("api_token", out var token) ? token.ToString()
        : request.Query.TryGetValue("signature", out var signature) ? "signature " + signature : null;

    // Every refusal is the route's own answer (HTTP 200, or 403 for 4.1 signatures): nothing is refused before routing.
    private protected override bool IsAuthorized(HttpRequest request) => true;

    private protected override string RateLimitKey(HttpRequest request) => "";

    private protected override IResult Unauthorized(HttpContext context) => Forbidden();

    private protected override IResult TooManyRequests(HttpContext context, RateDecision decision)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Html(429, "429 Too Many Requests");
    }

    private protected override IResult ServerError(HttpContext context, int status) => Html(status, $"{status} Internal Server Error");

    private protected override IResult RouteNotFound(HttpContext context) => Html(404, "The page you requested cannot be found!");

    private protected override IResult MalformedJson(HttpContext context, string detail) => Html(400, "Bad Request");

    private protected override IResult UnsupportedMediaType(HttpContext context) => Html(415, "Unsupported Media Type");

    private protected override IResult Rejected(HttpContext context, int status, string message) =>
        JsonHelpers.Json(status == 0 ? 200 : status, OpenCartOperations.Error(message));

    private static IResult Html(int status, string title) =>
        Results.Content($"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>", "text/html; charset=utf-8", statusCode: status);

    private static IResult Forbidden() => JsonHelpers.Json(403, OpenCartOperations.Error(OpenCartOperations.NoPermission));

    private IResult Handle(HttpContext context)
    {
        var request = context.Request;
        var route = request.Query["route"].ToString();
        // The base pipeline has read the body already and kept it.
        var body = Captured(context);
        var post = request.ContentType?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true ? PhpForm.Parse(body) : new JsonObject();
        var ip = ClientIp(context);
        lock (_gate) _posts.Add(new OpenCartPost(route, request.Query["call"].ToString(), (JsonObject)post.DeepClone()));

        var version = new OpenCartApiVersion(Version);
        if (version.Generation == "4.1") return Signed(context, route, post, ip);
        // Routes see $this->request->post, which system/library/request.php has cleaned.
        post = PhpForm.Clean(post);

        var op = OpenCartRoutes.Operation(route, version);
        if (op is null) return RouteNotFound(context);
        if (op == OpenCartRoutes.Login) return JsonHelpers.Json(200, Login(post, ip));

        lock (_gate)
        {
            ExpireIfDue(route);
            var session = SessionFor(request.Query["api_token"].ToString(), ip);
            if (session is null)
                return JsonHelpers.Json(200, version.Generation == "3.0" && OpenCartOperations.WarningShaped.Contains(op)
                    ? new JsonObject { ["error"] = new JsonObject { ["warning"] = OpenCartOperations.NoPermission } }
                    : OpenCartOperations.Error(OpenCartOperations.NoPermission));
            if (Injected(route) is { } injected) return JsonHelpers.Json(200, injected);
            return JsonHelpers.Json(200, OpenCartOperations.All[op](new OpenCartCall(this, session, post, request.Query, ip)));
        }
    }

    private void ExpireIfDue(string route)
    {
        if (!_expiries.TryGetValue(route, out var left)) return;
        if (left > 1)
        {
            _expiries[route] = left - 1;
            return;
        }
        _expiries.Remove(route);
        _sessions.Clear();
    }

    private static string? Captured(HttpContext context) => context.Items["sandbox.body"] as string;

    private JsonObject? Injected(string route) =>
        _answers.TryGetValue(route, out var queue) && queue.TryDequeue(out var answer) ? answer : null;

    private static string ClientIp(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>catalog/controller/api/login.php: the key must match an enabled user, the caller's IP must be on its list.</summary>
    private JsonObject Login(JsonObject post, string ip)
    {
        var username = post["username"] is null ? "Default" : PhpForm.Str(post, "username");
        if (username != Username || PhpForm.Str(post, "key") != ApiKey)
            return new JsonObject { ["error"] = new JsonObject { ["key"] = "Warning: Incorrect API Key!" } };
        lock (_gate)
        {
            if (!_allowedIps.Contains(ip))
                return new JsonObject { ["error"] = new JsonObject { ["ip"] = $"Warning: Your IP {ip} is not allowed to access this API!" } };
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _sessions[token] = new OpenCartSession { Token = token, Ip = ip, LastUsed = DateTimeOffset.UtcNow };
            return new JsonObject { ["success"] = "Success: API session successfully started!", ["api_token"] = token };
        }
    }

    /// <summary>catalog/controller/startup/session.php: sessions idle for the timeout are deleted; the token must
    /// belong to a session opened from this IP, still on the list; using it keeps it alive.</summary>
    private OpenCartSession? SessionFor(string token, string ip)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var stale in _sessions.Values.Where(s => now - s.LastUsed > SessionIdleTimeout).Select(s => s.Token).ToArray())
            _sessions.Remove(stale);
        if (token.Length == 0 || !_sessions.TryGetValue(token, out var session) || session.Ip != ip || !_allowedIps.Contains(ip)) return null;
        session.LastUsed = now;
        return session;
    }

    /// <summary>4.1: catalog/controller/startup/api.php checks the signed query, then api/order runs the call on a
    /// session built from the posted order state alone.</summary>
    private IResult Signed(HttpContext context, string route, JsonObject post, string ip)
    {
        if (route is not ("api/order" or "api/subscription")) return route.StartsWith("api/", StringComparison.Ordinal) ? Forbidden() : RouteNotFound(context);
        if (!SignatureHolds(context.Request, post, ip)) return Forbidden();
        post = PhpForm.Clean(post);
        var call = context.Request.Query["call"].ToString();
        var index = Array.FindIndex(OpenCartRoutes.SignedCalls, c => c.Call == call);
        if (index < 0) return JsonHelpers.Json(200, OpenCartOperations.Error("Warning: Call could not be found!"));
        if (Injected(route) is { } injected) return JsonHelpers.Json(200, injected);
        lock (_gate)
        {
            var session = new OpenCartSession { Token = "", Ip = ip, LastUsed = DateTimeOffset.UtcNow };
            var target = OpenCartRoutes.SignedCalls[index];
            // Rebuild the order up to the call from the state every call carries; the first refusal is the answer.
            foreach (var (earlier, op) in OpenCartRoutes.SignedCalls.Take(index))
            {
                if (earlier is "cart" || SignedFields(earlier, post) is not { } fields) continue;
                var answer = OpenCartOperations.All[op](new OpenCartCall(this, session, fields, context.Request.Query, ip));
                if (answer["error"] is not null) return JsonHelpers.Json(200, answer);
            }
            var own = target.Call is "confirm" or "history_add" or "cart" ? post : SignedFields(target.Call, post) ?? new JsonObject();
            return JsonHelpers.Json(200, OpenCartOperations.All[target.Op](new OpenCartCall(this, session, own, context.Request.Query, ip)));
        }
    }

    /// <summary>The part of the posted 4.1 order state one call needs: customer fields at the top level, <c>product[…]</c>,
    /// <c>payment_address[…]</c>, <c>shipping_address[…]</c>, <c>shipping_method</c>, <c>payment_method</c>.</summary>
    private static JsonObject? SignedFields(string call, JsonObject post) => call switch
    {
        "customer" => post["firstname"] is not null ? post : null,
        "product_add" => post["product"] is JsonObject products ? new JsonObject { ["product"] = products.DeepClone() } : null,
        "payment_address" or "shipping_address" => post[call] as JsonObject,
        "payment_methods" => post["payment_address"] is not null ? new JsonObject() : null,
        "shipping_methods" => post["shipping_address"] is not null ? new JsonObject() : null,
        "shipping_method" or "payment_method" => post[call] is JsonValue v ? new JsonObject { [call] = v.ToString() } : null,
        _ => null,
    };

    private bool SignatureHolds(HttpRequest request, JsonObject post, string ip)
    {
        var q = request.Query;
        string[] required = ["route", "call", "username", "store_id", "language", "currency", "time", "signature"];
        if (required.Any(k => !q.ContainsKey(k))) return false;
        lock (_gate)
            if (q["username"].ToString() != Username || !_allowedIps.Contains(ip)) return false;
        if (ChecksSignatureTime && (!long.TryParse(q["time"], out var time)
            || Math.Abs(DateTimeOffset.UtcNow.Add(ClockOffset).ToUnixTimeSeconds() - time) > SignatureWindow.TotalSeconds)) return false;
        var script = request.Path.Value ?? "/index.php";
        var folder = script.LastIndexOf('/') is var slash and > 0 ? script[..slash].TrimEnd('/') + "/" : "/";
        var text = new StringBuilder()
            .Append(q["route"]).Append('\n')
            .Append(q["call"]).Append('\n')
            .Append(Username).Append('\n')
            .Append(request.Host.Value).Append('\n')
            .Append(folder).Append('\n')
            .Append(int.TryParse(q["store_id"], out var store) ? store : 0).Append('\n')
            .Append(q["language"]).Append('\n')
            .Append(q["currency"]).Append('\n')
            .Append(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(PhpForm.HttpBuildQuery(PhpForm.Clean(post)))))).Append('\n')
            .Append(q["time"]).Append('\n')
            .ToString();
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(ApiKey), Encoding.UTF8.GetBytes(text)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(Uri.UnescapeDataString(q["signature"].ToString())));
    }
}

/// <summary>One call as the store received it: its route, its 4.1 call, and <c>$_POST</c>.</summary>
public sealed record OpenCartPost(string Route, string Call, JsonObject Fields);
