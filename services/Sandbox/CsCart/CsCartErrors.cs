using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>CS-Cart's error body (Tygh\Api\Response::send): <c>message</c> is the status text, followed by ": " and the
/// messages joined with ". " when there are any; <c>errors</c> lists them; <c>status</c> repeats the code.</summary>
internal static class CsCartErrors
{
    private static readonly Dictionary<int, string> StatusTexts = new()
    {
        [400] = "Bad Request", [401] = "Unauthorized", [403] = "Forbidden", [404] = "Not Found",
        [405] = "Method Not Allowed", [406] = "Not Acceptable", [409] = "Conflict", [413] = "Request Entity Too Large",
        [415] = "Unsupported Media Type", [429] = "Too Many Requests", [500] = "Internal Server Error",
        [501] = "Not Implemented", [502] = "Bad Gateway", [503] = "Service Unavailable", [504] = "Gateway Timeout",
        [507] = "Insufficient Storage", [509] = "Bandwidth Limit Exceeded",
    };

    public static IResult Error(int status, params string[] messages)
    {
        var text = StatusTexts.GetValueOrDefault(status, "Error");
        var body = new JsonObject { ["message"] = messages.Length == 0 ? text : $"{text}: {string.Join(". ", messages)}" };
        if (messages.Length > 0) body["errors"] = new JsonArray(messages.Select(m => (JsonNode?)m).ToArray());
        body["status"] = status;
        return JsonHelpers.Json(status, body);
    }

    public static IResult Required(IEnumerable<string> fields) =>
        Error(400, fields.Select(f => $"Required field \"{f}\" is missing").ToArray());

    public static IResult NeedId() => Error(405, "The request needs the object ID");

    public static IResult NoIdExpected() => Error(405, "The object ID must not be in the URL of a create request");
}
