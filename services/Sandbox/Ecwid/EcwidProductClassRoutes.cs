using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Switchboard.Sandbox;

/// <summary>Product types, which the API calls classes (<c>/classes</c>): the list is every type at once as a bare array,
/// not the search envelope; type 0 is "General", the one every product has until given another. A create answers
/// <c>{"id"}</c> (409 when a type has that name), an update <c>{"updateCount"}</c> and replaces the attributes with the
/// ones sent, a delete <c>{"deleteCount"}</c> (0 for an unknown id) and moves the type's products to General.</summary>
internal static class EcwidProductClassRoutes
{
    public const long General = 0;

    private static readonly Dictionary<string, FieldKind> Fields = new()
    {
        ["name"] = FieldKind.String, ["attributes"] = FieldKind.Array,
    };

    public static void Map(RouteGroupBuilder g, EcwidEmulator e)
    {
        g.MapGet("/classes", () => JsonHelpers.Json(200, new JsonArray(e.ProductClasses.All.Select(c => (JsonNode?)c).ToArray())));
        g.MapGet("/classes/{id:long}", (long id) => e.ProductClasses.Get(id) is { } type ? JsonHelpers.Json(200, type) : NotFound(id));
        g.MapPost("/classes", (HttpContext c) =>
        {
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (EcwidValidation.Check(body, Fields, "name") is { } invalid) return invalid;
            var name = JsonHelpers.Str(body, "name")!;
            var type = new JsonObject { ["name"] = name, ["attributes"] = Attributes(e, body["attributes"]) };
            var stored = e.ProductClasses.AddUnless(other => SameName(other, name), type);
            return stored is null
                ? EcwidErrors.Error(409, $"The type/class with the name '{name}' already exists", "CLASS_ALREADY_EXISTS")
                : EcwidEnvelopes.Created(JsonHelpers.IdOf(stored));
        });
        g.MapPut("/classes/{id:long}", (HttpContext c, long id) =>
        {
            if (e.ProductClasses.Get(id) is null) return NotFound(id);
            if (EcwidValidation.ReadObject(e, c, out var body) is { } error) return error;
            if (EcwidValidation.Check(body, Fields) is { } invalid) return invalid;
            if (id == General && body["name"] is not null) return EcwidErrors.WrongParameter("The name of the General product type cannot be changed");
            var attributes = body["attributes"] is null ? null : Attributes(e, body["attributes"]);
            e.ProductClasses.UpdateUnless(id, type =>
            {
                if (JsonHelpers.Str(body, "name") is { } name) type["name"] = name;
                if (attributes is not null) type["attributes"] = attributes.DeepClone();
            }, (other, next) => JsonHelpers.Str(next, "name") is { } name && SameName(other, name), out var conflicted);
            return conflicted
                ? EcwidErrors.Error(409, $"The type/class with the name '{JsonHelpers.Str(body, "name")}' already exists", "CLASS_ALREADY_EXISTS")
                : EcwidEnvelopes.Updated();
        });
        g.MapDelete("/classes/{id:long}", (long id) =>
        {
            if (id == General) return EcwidErrors.WrongParameter("The General product type cannot be deleted");
            if (!e.ProductClasses.Remove(id)) return EcwidEnvelopes.Deleted(0);
            foreach (var product in e.Products.Where(p => JsonHelpers.Long(p["productClassId"]) == id))
                e.Products.Update(JsonHelpers.IdOf(product), p => p["productClassId"] = General);
            return EcwidEnvelopes.Deleted();
        });
    }

    /// <summary>What a fresh store has: the General type, with the Brand and UPC attributes.</summary>
    public static JsonObject GeneralType(EcwidEmulator e) => new()
    {
        ["attributes"] = Attributes(e, new JsonArray(
            new JsonObject { ["name"] = "Brand", ["type"] = "BRAND", ["show"] = "DESCR" },
            new JsonObject { ["name"] = "UPC", ["type"] = "UPC", ["show"] = "DESCR" })),
    };

    /// <summary>The attributes as sent, each with an id: its own when it has one, a new one otherwise.</summary>
    private static JsonArray Attributes(EcwidEmulator e, JsonNode? sent) =>
        new((sent as JsonArray ?? []).OfType<JsonObject>().Select(a =>
        {
            var attribute = (JsonObject)a.DeepClone();
            attribute["id"] = JsonHelpers.Long(a["id"]) ?? e.NextAttributeId();
            attribute["type"] ??= "CUSTOM";
            attribute["show"] ??= "DESCR";
            return (JsonNode?)attribute;
        }).ToArray());

    private static bool SameName(JsonObject type, string name) =>
        string.Equals(JsonHelpers.Str(type, "name"), name, StringComparison.OrdinalIgnoreCase);

    private static IResult NotFound(long id) => EcwidErrors.NotFound("Product type", id.ToString(CultureInfo.InvariantCulture), "CLASS_NOT_FOUND");
}
