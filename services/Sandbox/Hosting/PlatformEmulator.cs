using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sandbox;

/// <summary>
/// Machinery shared by every platform emulator: one Kestrel app on its own port, request recording,
/// injected faults, latency, authentication gate and the platform quota. Subclasses supply routes and
/// the platform's own error bodies and headers.
/// </summary>
public abstract partial class PlatformEmulator
{
    private const string BodyKey = "sandbox.body";
    private const int MaxBodyChars = 16 * 1024 * 1024;

    private readonly object _requestsGate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly FixedWindowLimiter _limiter;
    private WebApplication? _app;

    private protected PlatformEmulator(RateLimitSettings rateLimit)
    {
        RateLimit = rateLimit;
        _limiter = new FixedWindowLimiter(rateLimit, TimeProvider.System);
    }

    /// <summary>What a client puts in its base URI (set once the server listens).</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public EmulatorFaults Faults { get; } = new();

    public RateLimitSettings RateLimit { get; }

    private int _inFlight;

    /// <summary>Requests received and not yet answered: a test can stop a client in the middle of one.</summary>
    public int RequestsInFlight => Volatile.Read(ref _inFlight);

    /// <summary>The status recorded for a request whose client went away before it was answered (nginx's
    /// "client closed request"): it never got an answer, so it must not count as one.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Thread-safe snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requestsGate) return _requests.ToArray(); }
    }

    /// <summary>Keeps each answer's body in <see cref="RecordedRequest.ResponseBody"/>, for checking answers against
    /// the platform's published API description. Answers are then buffered whole before they are sent.</summary>
    public bool RecordResponseBodies { get; set; }

    public void ClearRequests()
    {
        lock (_requestsGate) _requests.Clear();
    }

    /// <summary>Forgets the requests counted in the current quota window.</summary>
    public void ResetRateLimit() => _limiter.Reset();

    /// <summary>Path every route hangs under, e.g. "/stores/sandbox".</summary>
    private protected abstract string BasePath { get; }

    /// <summary>Path of <see cref="BaseUri"/> (defaults to <see cref="BasePath"/>).</summary>
    private protected virtual string PublicPath => BasePath;

    /// <summary>What an injected 429 tells the client to wait when the test gave no wait.</summary>
    private protected abstract TimeSpan DefaultInjectedWait { get; }

    private protected abstract void MapRoutes(RouteGroupBuilder routes);

    /// <summary>Routes outside <see cref="BasePath"/> that need no API credentials (an OAuth authorize page, a token
    /// endpoint); they take no quota and no injected faults.</summary>
    private protected virtual void MapPublicRoutes(IEndpointRouteBuilder app)
    {
    }

    private protected virtual bool IsPublic(HttpRequest request) => false;

    private protected abstract string? CredentialOf(HttpRequest request);

    private protected abstract bool IsAuthorized(HttpRequest request);

    private protected abstract string RateLimitKey(HttpRequest request);

    /// <summary>Called for every response that is not a 429 (BigCommerce puts its quota headers on all).</summary>
    private protected virtual void OnRateDecision(HttpContext context, RateDecision decision)
    {
    }

    private protected abstract IResult Unauthorized(HttpContext context);

    private protected abstract IResult TooManyRequests(HttpContext context, RateDecision decision);

    private protected abstract IResult ServerError(HttpContext context, int status);

    private protected abstract IResult RouteNotFound(HttpContext context);

    private protected abstract IResult MalformedJson(HttpContext context, string detail);

    private protected abstract IResult UnsupportedMediaType(HttpContext context);

    private protected abstract IResult Rejected(HttpContext context, int status, string message);

    internal async Task StartAsync(string host, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        // Standard error: standard output belongs to the command that runs the sandbox (`demo --json` prints only JSON).
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A port already taken fails the start, and the caller says so in one line; the host's own report is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        var address = host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, port);
        });

        var app = builder.Build();
        // The control endpoint goes first: it is not the platform's, so it is not recorded, slowed or faulted.
        app.Use((context, next) => IsControl(context.Request) ? ControlAsync(context) : next(context));
        app.Use(PipelineAsync);
        MapRoutes(app.MapGroup(BasePath));
        MapPublicRoutes(app);
        app.MapFallback(context => RouteNotFound(context).ExecuteAsync(context));
        await app.StartAsync(ct).ConfigureAwait(false);
        _app = app;

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var publicHost = address.Equals(IPAddress.Any) ? "127.0.0.1" : host;
        BaseUri = new Uri($"http://{publicHost}:{new Uri(bound).Port}{PublicPath}");
        ControlUri = new Uri($"http://{publicHost}:{new Uri(bound).Port}{ControlPath}/");
    }

    internal async ValueTask StopAsync()
    {
        if (_app is null) return;
        var app = _app;
        _app = null;
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PipelineAsync(HttpContext context, RequestDelegate next)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var body = await CaptureBodyAsync(context.Request).ConfigureAwait(false);
        // Recorded as the answer starts, before the client can read it: a test that has its answer sees its record.
        // An answer without a body (204) starts only after this pipeline returned, and was recorded there already.
        var recorded = false;
        context.Response.OnStarting(() =>
        {
            if (!recorded) Record(context, receivedAt, body);
            return Task.CompletedTask;
        });
        context.Items[BodyKey] = body;
        var answer = RecordResponseBodies ? new AnswerCapture(context) : null;
        Interlocked.Increment(ref _inFlight);
        try
        {
            var latency = Faults.TakeDelay();
            if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);

            if (IsPublic(context.Request))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            // A proxy in front of the platform answers before the platform has looked at the credentials.
            if (Faults.TryTakeHtml(out var htmlStatus))
            {
                await ProxyErrorPage.For(htmlStatus).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            var key = RateLimitKey(context.Request);
            if (!IsAuthorized(context.Request))
            {
                OnRateDecision(context, _limiter.Acquire(key, consume: false));
                await Unauthorized(context).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            if (Faults.TryTakeTooManyRequests(out var wait))
            {
                var peek = _limiter.Acquire(key, consume: false);
                var injected = peek with { Allowed = false, Left = 0, ResetIn = wait ?? DefaultInjectedWait };
                await TooManyRequests(context, injected).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            var decision = _limiter.Acquire(key, consume: true);
            if (!decision.Allowed)
            {
                await TooManyRequests(context, decision).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            OnRateDecision(context, decision);

            if (Faults.TryTakeServerError(out var status)
                || Faults.TryMatchError(context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(), out status))
            {
                await ServerError(context, status).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            Faults.RunBeforeRequest(context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent());
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(GetType())
                .LogError(e, "Sandbox handler failed for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = 500;
            await ServerError(context, 500).ExecuteAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            if (!context.Response.HasStarted)
            {
                if (context.RequestAborted.IsCancellationRequested) context.Response.StatusCode = ClientClosedRequest;
                Record(context, receivedAt, body, answer?.Text());
                recorded = true;
            }
        }
        if (answer is not null) await answer.SendAsync().ConfigureAwait(false);
    }

    private void Record(HttpContext context, DateTimeOffset receivedAt, string? body, string? responseBody = null)
    {
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
            context.Response.StatusCode,
            receivedAt,
            CredentialOf(context.Request),
            body,
            responseBody);
        lock (_requestsGate) _requests.Add(recorded);
    }

    private static async Task<string?> CaptureBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[8192];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxBodyChars) break;
        }
        return text.ToString();
    }

    /// <summary>The request body as received (the pipeline reads it once, for the record).</summary>
    private protected static string? BodyText(HttpContext context) => context.Items[BodyKey] as string;

    /// <summary>
    /// Strict JSON body reading: wrong content type → the platform's 415, empty or malformed body → its
    /// 400/422, a body matching an injected rejection → its validation error.
    /// </summary>
    private protected JsonBody ReadJson(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonBody(null, UnsupportedMediaType(context));
        }
        var text = context.Items[BodyKey] as string;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonBody(null, MalformedJson(context, "The request body is empty."));
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return new JsonBody(null, MalformedJson(context, e.Message));
        }
        if (node is null)
        {
            return new JsonBody(null, MalformedJson(context, "The request body is null."));
        }
        var rule = Faults.FindRejection(node);
        return rule is null ? new JsonBody(node, null) : new JsonBody(null, Rejected(context, rule.Status, rule.Message));
    }
}

/// <summary>Either the parsed body or the error response to send instead.</summary>
internal readonly record struct JsonBody(JsonNode? Node, IResult? Error);
