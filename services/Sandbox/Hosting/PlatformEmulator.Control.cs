using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>
/// The sandbox's own control endpoint on every emulator's port, outside the platform's API, for people driving the
/// sandbox from a shell: <c>/_sandbox/faults</c> (GET shows, POST sets, DELETE clears) and <c>/_sandbox/requests</c>
/// (GET lists what the emulator received, DELETE forgets it). It needs no platform credentials, so it answers
/// loopback clients only: a sandbox listening on every interface (a container) is not steered from the network.
/// </summary>
public abstract partial class PlatformEmulator
{
    private const string ControlPath = "/_sandbox";

    /// <summary><c>http://host:port/_sandbox/</c>: <c>faults</c> and <c>requests</c> under it (set once the server listens).</summary>
    public Uri ControlUri { get; private set; } = new("http://127.0.0.1/_sandbox/");

    /// <summary>See <see cref="SandboxOptions.ControlFromAnyClient"/>.</summary>
    public bool ControlFromAnyClient { get; set; }

    private static bool IsControl(HttpRequest request) => request.Path.StartsWithSegments(ControlPath, StringComparison.Ordinal);

    private async Task ControlAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (!ControlFromAnyClient && (remote is null || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
        {
            await ControlAnswer(403, Error("the sandbox's control endpoint answers loopback clients only (start the sandbox with --control-from-any-client to open it)")).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var method = context.Request.Method;
        var answer = context.Request.Path.Value?.TrimEnd('/') switch
        {
            ControlPath + "/faults" when HttpMethods.IsGet(method) => ControlAnswer(200, FaultsJson()),
            ControlPath + "/faults" when HttpMethods.IsPost(method) => SetFaults(await ReadTextAsync(context.Request).ConfigureAwait(false)),
            ControlPath + "/faults" when HttpMethods.IsDelete(method) => ClearFaults(),
            ControlPath + "/faults" => NotAllowed(context, "GET, POST, DELETE"),
            ControlPath + "/requests" when HttpMethods.IsGet(method) => ControlAnswer(200, RequestsJson(context.Request)),
            ControlPath + "/requests" when HttpMethods.IsDelete(method) => ClearRequestsAnswer(),
            ControlPath + "/requests" => NotAllowed(context, "GET, DELETE"),
            _ => ControlAnswer(404, Error($"no such sandbox endpoint; there are {ControlPath}/faults and {ControlPath}/requests")),
        };
        await answer.ExecuteAsync(context).ConfigureAwait(false);
    }

    private IResult SetFaults(string? body)
    {
        var (changes, error) = FaultRequest.Parse(body);
        if (error is not null) return ControlAnswer(400, Error(error));
        foreach (var change in changes) change(Faults);
        return ControlAnswer(200, FaultsJson());
    }

    private IResult ClearFaults()
    {
        Faults.Reset();
        return ControlAnswer(200, FaultsJson());
    }

    private IResult ClearRequestsAnswer()
    {
        ClearRequests();
        return Results.NoContent();
    }

    private JsonObject FaultsJson()
    {
        var now = Faults.Counts();
        var faults = new JsonObject
        {
            ["serverErrors"] = new JsonObject { ["next"] = now.ServerErrors, ["status"] = now.ServerErrorStatus },
            ["tooManyRequests"] = new JsonObject
            {
                ["next"] = now.TooManyRequests, ["waitMs"] = (long)(now.TooManyWait ?? DefaultInjectedWait).TotalMilliseconds,
            },
            ["html"] = new JsonObject { ["next"] = now.Html, ["status"] = now.HtmlStatus },
            ["latencyMs"] = (long)now.Latency.TotalMilliseconds,
        };
        // Set from C# by a test (RespondErrorWhen, RejectWhen, BeforeRequest); shown so a DELETE that clears them is no surprise.
        if (now.CodeRules > 0) faults["rulesSetInCode"] = now.CodeRules;
        return faults;
    }

    /// <summary>Oldest first; <c>?last=N</c> keeps the N most recent.</summary>
    private JsonArray RequestsJson(HttpRequest request)
    {
        IEnumerable<RecordedRequest> requests = Requests;
        if (int.TryParse(request.Query["last"], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            requests = requests.TakeLast(last);
        return new JsonArray(requests.Select(r => (JsonNode)new JsonObject
        {
            ["method"] = r.Method,
            ["path"] = r.PathAndQuery,
            ["status"] = r.Status,
            ["receivedAt"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["authorization"] = r.Authorization,
            ["body"] = r.Body,
        }).ToArray());
    }

    private static IResult NotAllowed(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return ControlAnswer(405, Error($"{context.Request.Method} is not allowed here; use {allowed}"));
    }

    // Read by people in a terminal.
    private static readonly System.Text.Json.JsonSerializerOptions ControlJson = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static IResult ControlAnswer(int status, JsonNode body) =>
        Results.Content(body.ToJsonString(ControlJson) + "\n", "application/json", Encoding.UTF8, status);

    private static async Task<string?> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
