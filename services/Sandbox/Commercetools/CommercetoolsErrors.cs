using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>commercetools error bodies: <c>{"statusCode", "message", "errors": [{"code", "message", …}]}</c>
/// (docs.commercetools.com/api/errors); OAuth errors add <c>error</c> and <c>error_description</c> (RFC 6749 §5.2).</summary>
internal static class CommercetoolsErrors
{
    public static IResult Error(int status, string code, string message, JsonObject? details = null, bool oauth = false)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details is not null)
            foreach (var (key, value) in details) error[key] = value?.DeepClone();
        var body = new JsonObject { ["statusCode"] = status, ["message"] = message, ["errors"] = new JsonArray(error) };
        if (oauth)
        {
            body["error"] = code;
            body["error_description"] = message;
        }
        return JsonHelpers.Json(status, body);
    }

    public static IResult InvalidInput(string message) => Error(400, "InvalidInput", message);

    public static IResult InvalidOperation(string message) => Error(400, "InvalidOperation", message);

    /// <summary>A draft or action missing a required field, or with a value of the wrong type.</summary>
    public static IResult InvalidJson(string detail) =>
        Error(400, "InvalidJsonInput", "Request body does not contain valid JSON.", new JsonObject { ["detailedErrorMessage"] = detail });

    public static IResult NotFound(string idOrKey) => idOrKey.StartsWith("key=", StringComparison.Ordinal)
        ? Error(404, "ResourceNotFound", $"The Resource with key '{idOrKey[4..]}' was not found.")
        : Error(404, "ResourceNotFound", $"The Resource with ID '{idOrKey}' was not found.");

    public static IResult ConcurrentModification(string id, long expected, long actual) =>
        Error(409, "ConcurrentModification", $"Object {id} has a different version than expected. Expected: {expected} - Actual: {actual}.",
            new JsonObject { ["currentVersion"] = actual });

    public static IResult DuplicateField(string field, JsonNode? value) =>
        Error(400, "DuplicateField", $"A duplicate value '{value?.ToJsonString()}' exists for field '{field}'.",
            new JsonObject { ["field"] = field, ["duplicateValue"] = value?.DeepClone() });

    public static IResult ReferencedResourceNotFound(string typeId, string idOrKey) =>
        Error(400, "ReferencedResourceNotFound", $"The referenced object of type '{typeId}' '{idOrKey}' was not found. It either doesn't exist, or it can't be accessed from this endpoint.",
            new JsonObject { ["typeId"] = typeId });

    public static IResult InsufficientScope(string scope) =>
        Error(403, "insufficient_scope", $"Insufficient scope. One of the following scopes is missing: {scope}", oauth: true);
}
