using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

internal enum FieldKind { String, Number, Integer, Boolean, Array, Object }

/// <summary>Ecwid's typed binding: a field of the wrong JSON type is a 400 WRONG_PARAMETER.</summary>
internal static class EcwidValidation
{
    public static IResult? Check(JsonObject body, IReadOnlyDictionary<string, FieldKind> fields, params string[] required)
    {
        foreach (var name in required)
        {
            if (body[name] is null || (JsonHelpers.Str(body, name) is { } s && s.Trim().Length == 0))
            {
                return EcwidErrors.WrongParameter($"Field '{name}' is required");
            }
        }
        foreach (var (name, kind) in fields)
        {
            var value = body[name];
            if (value is null) continue;
            var ok = kind switch
            {
                FieldKind.String => JsonHelpers.IsString(value),
                FieldKind.Number => JsonHelpers.IsNumber(value),
                FieldKind.Integer => JsonHelpers.IsInteger(value),
                FieldKind.Boolean => JsonHelpers.IsBool(value),
                FieldKind.Array => value is JsonArray,
                FieldKind.Object => value is JsonObject,
                _ => true,
            };
            if (!ok) return EcwidErrors.WrongParameter($"Field '{name}' must be {Describe(kind)}");
        }
        return null;
    }

    public static IResult? ReadObject(EcwidEmulator ecwid, HttpContext context, out JsonObject body)
    {
        body = [];
        var (node, error) = ecwid.Body(context);
        if (error is not null) return error;
        if (node is not JsonObject o) return EcwidErrors.WrongParameter("Request body must be a JSON object");
        body = o;
        return null;
    }

    private static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Number => "a number",
        FieldKind.Integer => "an integer",
        FieldKind.Boolean => "a boolean",
        FieldKind.Array => "an array",
        FieldKind.Object => "an object",
        _ => "a string",
    };

    public static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> items, string? sortBy, string idProperty = "id") => sortBy switch
    {
        "ADDED_TIME_ASC" => QueryFilter.Sort(items, "createTimestamp", false, idProperty),
        "ADDED_TIME_DESC" => QueryFilter.Sort(items, "createTimestamp", true, idProperty),
        "UPDATED_TIME_ASC" => QueryFilter.Sort(items, "updateTimestamp", false, idProperty),
        "UPDATED_TIME_DESC" => QueryFilter.Sort(items, "updateTimestamp", true, idProperty),
        "NAME_ASC" => QueryFilter.Sort(items, "name", false, idProperty),
        "NAME_DESC" => QueryFilter.Sort(items, "name", true, idProperty),
        "PRICE_ASC" => QueryFilter.Sort(items, "price", false, idProperty),
        "PRICE_DESC" => QueryFilter.Sort(items, "price", true, idProperty),
        _ => QueryFilter.Sort(items, idProperty, false, idProperty),
    };
}
