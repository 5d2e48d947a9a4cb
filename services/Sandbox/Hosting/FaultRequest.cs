using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>
/// The body of <c>POST /_sandbox/faults</c>, checked whole before anything is set, so a mistake changes nothing:
/// <c>{"serverErrors": {"next": 3, "status": 503}, "tooManyRequests": {"next": 5, "waitMs": 2000}, "latencyMs": 800,
/// "html": {"next": 1, "status": 502}}</c>. Every key is optional; faults not named stay as they are.
/// </summary>
internal static class FaultRequest
{
    public const string Example =
        """{"serverErrors": {"next": 3, "status": 503}, "tooManyRequests": {"next": 5, "waitMs": 2000}, "latencyMs": 800, "html": {"next": 1, "status": 502}}""";

    private const int MaxLatencyMs = 10 * 60 * 1000;

    /// <summary>The changes to make, or the reason the body is refused (a sentence naming the key).</summary>
    public static (IReadOnlyList<Action<EmulatorFaults>> Changes, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ([], "the body is empty; send a JSON object such as " + Example);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            return ([], $"the body is not valid JSON ({e.Message}); send an object such as {Example}");
        }
        if (node is not JsonObject body) return ([], "the body must be a JSON object such as " + Example);

        var changes = new List<Action<EmulatorFaults>>();
        foreach (var (key, value) in body)
        {
            var error = key switch
            {
                "serverErrors" => Counted(key, value, 400, 599, 500, "status", (next, status) => changes.Add(f => f.RespondServerError(next, status))),
                "html" => Counted(key, value, 400, 599, 502, "status", (next, status) => changes.Add(f => f.RespondHtml(next, status))),
                "tooManyRequests" => Counted(key, value, 0, int.MaxValue, -1, "waitMs",
                    (next, wait) => changes.Add(f => f.RespondTooManyRequests(next, wait < 0 ? null : TimeSpan.FromMilliseconds(wait)))),
                "latencyMs" => Whole(key, value, 0, MaxLatencyMs, out var ms) ?? Add(changes, f => f.Latency = TimeSpan.FromMilliseconds(ms)),
                _ => $"unknown fault '{key}'; the faults are serverErrors, tooManyRequests, html and latencyMs",
            };
            if (error is not null) return ([], error);
        }
        return (changes, null);
    }

    private static string? Add(List<Action<EmulatorFaults>> changes, Action<EmulatorFaults> change)
    {
        changes.Add(change);
        return null;
    }

    /// <summary><c>{"next": n, "&lt;second&gt;": m}</c>: <c>next</c> required, the second optional (<paramref name="fallback"/>).</summary>
    private static string? Counted(string key, JsonNode? value, int min, int max, int fallback, string second, Action<int, int> accept)
    {
        if (value is not JsonObject fault) return $"{key} must be an object such as {{\"next\": 3, \"{second}\": {(second == "status" ? 503 : 2000)}}}";
        if (fault["next"] is null) return $"{key}.next is missing: how many requests get this fault";
        if (Whole($"{key}.next", fault["next"], 0, int.MaxValue, out var next) is { } nextError) return nextError;
        var other = fallback;
        if (fault[second] is not null && Whole($"{key}.{second}", fault[second], min, max, out other) is { } otherError) return otherError;
        var unknown = fault.Select(p => p.Key).FirstOrDefault(k => k != "next" && k != second);
        if (unknown is not null) return $"{key}.{unknown} is unknown; {key} takes next and {second}";
        accept(next, other);
        return null;
    }

    private static string? Whole(string key, JsonNode? value, int min, int max, out int number)
    {
        number = 0;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue(out number))
            return $"{key} must be a whole number, not {value?.ToJsonString() ?? "null"}";
        return number < min || number > max ? $"{key} must be between {min} and {max}, not {number}" : null;
    }
}
