using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>
/// BigCommerce error bodies. v3: <c>{"status","title","type","errors"}</c> (products_catalog.v3.yml, error_Base /
/// errorResponse_422); v2 (orders): a bare array <c>[{"status","message"}]</c>.
/// </summary>
internal static class BigCommerceErrors
{
    public const string TypeUrl = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    public static bool IsV2(HttpContext context) => context.Request.Path.Value?.Contains("/v2/", StringComparison.Ordinal) == true;

    public static IResult V3(int status, string title, JsonObject? errors = null)
    {
        var body = new JsonObject { ["status"] = status, ["title"] = title, ["type"] = TypeUrl };
        if (errors is not null) body["errors"] = errors;
        return JsonHelpers.Json(status, body);
    }

    public static IResult V2(int status, string message) =>
        JsonHelpers.Json(status, new JsonArray(new JsonObject { ["status"] = status, ["message"] = message }));

    /// <summary>The error in whichever API generation the request addressed.</summary>
    public static IResult For(HttpContext context, int status, string title, JsonObject? errors = null) =>
        IsV2(context) ? V2(status, title) : V3(status, title, errors);

    public static IResult Invalid(Dictionary<string, string> errors, string title = "JSON data is missing or invalid") =>
        V3(422, title, ToObject(errors));

    public static IResult NotFound(HttpContext context) =>
        IsV2(context) ? V2(404, "The requested resource was not found.") : V3(404, "The requested resource was not found.");

    public static IResult Conflict(string field, string message) =>
        V3(409, message, new JsonObject { [field] = message });

    public static JsonObject ToObject(Dictionary<string, string> errors)
    {
        var o = new JsonObject();
        foreach (var (k, v) in errors) o[k] = v;
        return o;
    }

    // Validation messages as BigCommerce's JSON binder phrases them.
    public const string Missing = "error.path.missing";
    public const string ExpectedNumber = "error.expected.jsnumber";
    public const string ExpectedString = "error.expected.jsstring";
    public const string ExpectedBoolean = "error.expected.jsboolean";
    public const string ExpectedArray = "error.expected.jsarray";
}
