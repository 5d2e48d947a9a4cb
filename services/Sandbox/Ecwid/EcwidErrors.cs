using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Ecwid error bodies: <c>{"errorMessage","errorCode"}</c> with the codes of Ecwid's "REST API error codes" page.</summary>
internal static class EcwidErrors
{
    public static IResult Error(int status, string message, string code) =>
        JsonHelpers.Json(status, new JsonObject { ["errorMessage"] = message, ["errorCode"] = code });

    public static IResult WrongParameter(string message) => Error(400, message, "WRONG_PARAMETER");

    public static IResult NotFound(string entity, string id, string code) => Error(404, $"{entity} #{id} not found", code);
}
