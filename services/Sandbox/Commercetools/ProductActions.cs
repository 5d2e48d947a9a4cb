using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Product update actions. Product data changes the staged projection (<c>staged</c> defaults to true) and marks
/// <c>hasStagedChanges</c>; with <c>"staged": false</c> it changes the current projection too; <c>publish</c> makes
/// staged current (docs.commercetools.com/api/projects/products#update-actions).</summary>
internal static class ProductActions
{
    private static readonly HashSet<string> DataFields = ["changeName", "setDescription", "changeSlug", "setMetaTitle", "setMetaDescription", "setMetaKeywords", "setSearchKeywords"];

    public static IResult? Apply(CommercetoolsEmulator e, JsonObject product, string name, JsonObject action)
    {
        switch (name)
        {
            case "setKey":
                return CommercetoolsUpdateActions.Set(e, product, "key", action["key"]);
            case "setTaxCategory":
                return CommercetoolsUpdateActions.Set(e, product, "taxCategory", action["taxCategory"]);
            case "publish":
                product["masterData"]!["current"] = product["masterData"]!["staged"]!.DeepClone();
                product["masterData"]!["published"] = true;
                product["masterData"]!["hasStagedChanges"] = false;
                return null;
            case "unpublish":
                product["masterData"]!["published"] = false;
                return null;
        }
        if (DataFields.Contains(name))
        {
            var field = CommercetoolsUpdateActions.FieldOf(name)!;
            if (name.StartsWith("change", StringComparison.Ordinal) && action[field] is null)
                return CommercetoolsErrors.InvalidJson($"actions -> {field}: Missing required value");
            return OnData(product, action, data => CommercetoolsUpdateActions.Set(e, data, field, action[field]));
        }
        return name switch
        {
            "addToCategory" or "removeFromCategory" => Category(e, product, action, add: name == "addToCategory"),
            "setAttribute" => OnVariant(product, action, v => Attribute(v, action)),
            "setAttributeInAllVariants" => OnData(product, action, data =>
            {
                foreach (var variant in Variants(data)) Attribute(variant, action);
                return null;
            }),
            "setSku" => OnVariant(product, action, v => CommercetoolsUpdateActions.Set(e, v, "sku", action["sku"])),
            "setPrices" => OnVariant(product, action, v =>
            {
                v["prices"] = CommercetoolsDrafts.Prices(action["prices"] as JsonArray);
                return null;
            }),
            "addPrice" => OnVariant(product, action, v =>
            {
                var added = CommercetoolsDrafts.Prices(new JsonArray(action["price"]?.DeepClone()));
                if (v["prices"] is not JsonArray prices) v["prices"] = prices = new JsonArray();
                prices.Add(added[0]!.DeepClone());
                return null;
            }),
            "addVariant" => OnData(product, action, data =>
            {
                var next = Variants(data).Max(v => JsonHelpers.Long(v["id"]) ?? 1) + 1;
                var draft = (JsonObject)action.DeepClone();
                draft.Remove("action");
                draft.Remove("staged");
                data["variants"]!.AsArray().Add(CommercetoolsDrafts.Variant(draft, (int)next));
                return null;
            }),
            "removeVariant" => OnData(product, action, data =>
            {
                var variants = data["variants"]!.AsArray();
                var match = variants.OfType<JsonObject>().FirstOrDefault(v => Matches(v, action["id"], action["sku"]));
                if (match is null) return CommercetoolsErrors.InvalidOperation("The variant to remove does not exist.");
                variants.Remove(match);
                return null;
            }),
            _ => CommercetoolsUpdateActions.Unknown(name),
        };
    }

    /// <summary>Runs a change on the staged data, and on the current data too when <c>staged</c> is false.</summary>
    private static IResult? OnData(JsonObject product, JsonObject action, Func<JsonObject, IResult?> change)
    {
        var master = product["masterData"]!.AsObject();
        if (change(master["staged"]!.AsObject()) is { } error) return error;
        if (JsonHelpers.IsBool(action["staged"]) && !action["staged"]!.GetValue<bool>())
            return change(master["current"]!.AsObject());
        master["hasStagedChanges"] = true;
        return null;
    }

    private static IResult? OnVariant(JsonObject product, JsonObject action, Func<JsonObject, IResult?> change) =>
        OnData(product, action, data =>
        {
            var variantId = action["variantId"];
            var variant = Variants(data).FirstOrDefault(v => Matches(v, variantId, action["sku"]));
            return variant is null
                ? CommercetoolsErrors.InvalidOperation($"The product has no variant with {(variantId is not null ? $"id {variantId}" : $"SKU '{action["sku"]}'")}.")
                : change(variant);
        });

    private static IResult? Attribute(JsonObject variant, JsonObject action)
    {
        var name = action["name"]?.ToString();
        if (name is null) return CommercetoolsErrors.InvalidJson("actions -> name: Missing required value");
        if (variant["attributes"] is not JsonArray attributes) variant["attributes"] = attributes = new JsonArray();
        var existing = attributes.OfType<JsonObject>().FirstOrDefault(a => a["name"]?.ToString() == name);
        if (existing is not null) attributes.Remove(existing);
        if (action["value"] is { } value) attributes.Add(new JsonObject { ["name"] = name, ["value"] = value.DeepClone() });
        return null;
    }

    private static IResult? Category(CommercetoolsEmulator e, JsonObject product, JsonObject action, bool add)
    {
        var (reference, error) = CommercetoolsReferences.Resolve(e, action["category"], "category");
        if (error is not null) return error;
        var id = reference!["id"]!.ToString();
        return OnData(product, action, data =>
        {
            if (data["categories"] is not JsonArray categories) data["categories"] = categories = new JsonArray();
            var present = categories.OfType<JsonObject>().FirstOrDefault(c => c["id"]?.ToString() == id);
            if (add && present is null) categories.Add(reference.DeepClone());
            if (!add && present is not null) categories.Remove(present);
            return null;
        });
    }

    private static IEnumerable<JsonObject> Variants(JsonObject data) =>
        new[] { data["masterVariant"] as JsonObject }.Concat((data["variants"] as JsonArray ?? []).Select(v => v as JsonObject)).OfType<JsonObject>();

    private static bool Matches(JsonObject variant, JsonNode? id, JsonNode? sku) =>
        id is not null ? JsonHelpers.Long(variant["id"]) == JsonHelpers.Long(id) : sku is not null && variant["sku"]?.ToString() == sku.ToString();

    /// <summary>The product as a projection: its current (or staged) data with the product's own fields.</summary>
    public static JsonObject? Projection(JsonObject product, bool staged)
    {
        var master = product["masterData"] as JsonObject;
        if (master is null || !staged && master["published"]?.GetValue<bool>() != true) return null;
        var projection = (JsonObject)master[staged ? "staged" : "current"]!.DeepClone();
        foreach (var field in new[] { "id", "version", "key", "productType", "taxCategory", "createdAt", "lastModifiedAt" })
            if (product[field] is { } value) projection[field] = value.DeepClone();
        projection["published"] = master["published"]?.DeepClone();
        projection["hasStagedChanges"] = master["hasStagedChanges"]?.DeepClone();
        return projection;
    }
}
