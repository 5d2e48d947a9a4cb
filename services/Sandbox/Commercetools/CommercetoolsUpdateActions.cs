using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Update actions (<c>{"version", "actions": [{"action": "changeName", …}]}</c>). Products have their own
/// (staged by default, see ProductActions); other resources take <c>setKey</c> and their common <c>set…</c>/<c>change…</c>
/// actions, each writing the field the action is named after (<c>changeEmail {email}</c>, <c>setDescription
/// {description}</c>; a set action without its value unsets the field). Anything else is 400 InvalidInput.</summary>
internal static class CommercetoolsUpdateActions
{
    private static readonly Dictionary<string, HashSet<string>> Known = new()
    {
        ["categories"] = ["changeName", "changeSlug", "setDescription", "changeOrderHint", "changeParent", "setExternalId",
            "setMetaTitle", "setMetaDescription", "setMetaKeywords"],
        ["customers"] = ["changeEmail", "setFirstName", "setLastName", "setMiddleName", "setTitle", "setSalutation", "setCompanyName",
            "setCustomerNumber", "setExternalId", "setDateOfBirth", "setVatId", "setLocale", "setCustomerGroup"],
        ["orders"] = ["changeOrderState", "changePaymentState", "changeShipmentState", "setOrderNumber", "setCustomerEmail",
            "setPurchaseOrderNumber", "setLocale", "setCustomerId"],
        ["carts"] = ["setCustomerEmail", "setCountry", "setCustomerId", "setLocale", "setAnonymousId", "setCustomerGroup"],
        ["inventory"] = ["changeQuantity", "addQuantity", "removeQuantity", "setRestockableInDays", "setExpectedDelivery", "setSupplyChannel"],
        ["standalone-prices"] = ["changeValue", "setValidFrom", "setValidUntil", "setValidFromAndUntil", "changeActive"],
    };

    public static IResult? Apply(CommercetoolsEmulator e, string resource, JsonObject target, JsonArray actions)
    {
        foreach (var node in actions)
        {
            if (node is not JsonObject action || action["action"]?.ToString() is not { Length: > 0 } name)
                return CommercetoolsErrors.InvalidJson("actions -> action: Missing required value");
            var error = resource == "products" ? ProductActions.Apply(e, target, name, action) : Common(e, resource, target, name, action);
            if (error is not null) return error;
        }
        return null;
    }

    private static IResult? Common(CommercetoolsEmulator e, string resource, JsonObject target, string name, JsonObject action)
    {
        if (name == "setKey") return Set(e, target, "key", action["key"]);
        if (resource == "inventory" && name is "addQuantity" or "removeQuantity" or "changeQuantity")
            return Quantity(target, name, JsonHelpers.Long(action["quantity"]));
        var known = Known.TryGetValue(resource, out var list) ? list.Contains(name) : name.StartsWith("set", StringComparison.Ordinal) || name.StartsWith("change", StringComparison.Ordinal);
        if (!known || FieldOf(name) is not { } field) return Unknown(name);
        if (resource == "standalone-prices" && name == "changeValue") return Set(e, target, "value", action["value"]);
        if (name.StartsWith("change", StringComparison.Ordinal) && action[field] is null)
            return CommercetoolsErrors.InvalidJson($"actions -> {field}: Missing required value");
        return Set(e, target, field, action[field]);
    }

    internal static IResult Unknown(string name) =>
        CommercetoolsErrors.InvalidInput($"Request body does not contain valid JSON: actions -> action: Unknown action type '{name}'.");

    /// <summary><c>setFirstName</c> → <c>firstName</c>, <c>changeOrderState</c> → <c>orderState</c>.</summary>
    internal static string? FieldOf(string action)
    {
        var rest = action.StartsWith("set", StringComparison.Ordinal) ? action[3..] : action.StartsWith("change", StringComparison.Ordinal) ? action[6..] : "";
        return rest.Length == 0 ? null : char.ToLowerInvariant(rest[0]) + rest[1..];
    }

    /// <summary>Writes or (for a missing value) removes a field; identifiers become references.</summary>
    internal static IResult? Set(CommercetoolsEmulator e, JsonObject target, string field, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(field);
            return null;
        }
        if (value is JsonObject identifier && identifier.ContainsKey("typeId"))
        {
            var (reference, error) = CommercetoolsReferences.Resolve(e, identifier);
            if (error is not null) return error;
            value = reference;
        }
        target[field] = value!.DeepClone();
        return null;
    }

    private static IResult? Quantity(JsonObject entry, string name, long? quantity)
    {
        if (quantity is null) return CommercetoolsErrors.InvalidJson("actions -> quantity: Missing required value");
        var onStock = JsonHelpers.Long(entry["quantityOnStock"]) ?? 0;
        var next = name switch { "addQuantity" => onStock + quantity.Value, "removeQuantity" => onStock - quantity.Value, _ => quantity.Value };
        var reserved = onStock - (JsonHelpers.Long(entry["availableQuantity"]) ?? onStock);
        entry["quantityOnStock"] = next;
        entry["availableQuantity"] = next - reserved;
        return null;
    }
}
