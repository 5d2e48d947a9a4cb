using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Sandbox;

/// <summary>Turns a create request's draft into the stored resource, per resource type, with commercetools' required
/// fields: products (productType, name, slug → masterData current/staged), customers (email, password), categories
/// (name, slug), carts (currency), orders (from a cart), inventory (sku, quantityOnStock), standalone prices (sku,
/// value). Other resources store their draft as given, identifiers resolved.</summary>
internal static class CommercetoolsDrafts
{
    public static (JsonObject? Resource, IResult? Error) Build(CommercetoolsEmulator e, string resource, JsonObject draft)
    {
        var missing = Required(resource).FirstOrDefault(field => draft[field] is null);
        if (missing is not null) return (null, CommercetoolsErrors.InvalidJson($"{missing}: Missing required value"));
        if (resource == "orders") return FromCart(e, draft);
        if (CommercetoolsReferences.ResolveAll(e, draft) is { } error) return (null, error);
        return resource switch
        {
            "products" => (Product(draft), null),
            "customers" => (Customer(draft), null),
            "carts" => (Cart(draft), null),
            "inventory" => (Inventory(draft), null),
            "categories" => (Category(e, draft), null),
            _ => (draft, null),
        };
    }

    private static string[] Required(string resource) => resource switch
    {
        "products" => ["productType", "name", "slug"],
        "categories" => ["name", "slug"],
        "customers" => ["email"],
        "carts" => ["currency"],
        "inventory" => ["sku", "quantityOnStock"],
        "standalone-prices" => ["sku", "value"],
        "product-types" => ["name", "description"],
        "channels" => ["key"],
        "tax-categories" => ["name"],
        "customer-groups" => ["groupName"],
        "orders" => ["version"],
        _ => [],
    };

    private static JsonObject Product(JsonObject draft)
    {
        var data = new JsonObject
        {
            ["name"] = draft["name"]?.DeepClone(),
            ["slug"] = draft["slug"]?.DeepClone(),
            ["categories"] = draft["categories"]?.DeepClone() ?? new JsonArray(),
            ["categoryOrderHints"] = new JsonObject(),
            ["searchKeywords"] = draft["searchKeywords"]?.DeepClone() ?? new JsonObject(),
        };
        foreach (var optional in new[] { "description", "metaTitle", "metaDescription", "metaKeywords" })
            if (draft[optional] is { } value) data[optional] = value.DeepClone();
        data["masterVariant"] = Variant(draft["masterVariant"] as JsonObject, 1);
        var variants = new JsonArray();
        if (draft["variants"] is JsonArray drafts)
            for (var i = 0; i < drafts.Count; i++) variants.Add(Variant(drafts[i] as JsonObject, i + 2));
        data["variants"] = variants;
        var published = draft["publish"]?.GetValue<bool>() == true;
        var product = new JsonObject
        {
            ["productType"] = draft["productType"]?.DeepClone(),
            ["masterData"] = new JsonObject
            {
                ["published"] = published,
                ["hasStagedChanges"] = false,
                ["current"] = data.DeepClone(),
                ["staged"] = data,
            },
        };
        foreach (var topLevel in new[] { "key", "taxCategory", "state", "priceMode" })
            if (draft[topLevel] is { } value) product[topLevel] = value.DeepClone();
        return product;
    }

    internal static JsonObject Variant(JsonObject? draft, int id)
    {
        var variant = draft is null ? new JsonObject() : (JsonObject)draft.DeepClone();
        variant["id"] = id;
        variant["prices"] = Prices(variant["prices"] as JsonArray);
        variant["attributes"] ??= new JsonArray();
        variant["images"] ??= new JsonArray();
        return variant;
    }

    internal static JsonArray Prices(JsonArray? drafts)
    {
        var prices = new JsonArray();
        foreach (var price in drafts?.OfType<JsonObject>() ?? [])
        {
            var copy = (JsonObject)price.DeepClone();
            copy["id"] = Guid.NewGuid().ToString();
            if (copy["value"] is JsonObject money)
            {
                money["type"] ??= "centPrecision";
                money["fractionDigits"] ??= 2;
            }
            prices.Add(copy);
        }
        return prices;
    }

    private static JsonObject Customer(JsonObject draft)
    {
        var customer = (JsonObject)draft.DeepClone();
        // The password is stored as a hash and never shown; the sandbox keeps none.
        customer.Remove("password");
        customer["addresses"] ??= new JsonArray();
        customer["isEmailVerified"] ??= false;
        customer["authenticationMode"] ??= "Default";
        return customer;
    }

    private static JsonObject Category(CommercetoolsEmulator e, JsonObject draft)
    {
        var category = (JsonObject)draft.DeepClone();
        var ancestors = new JsonArray();
        if (category["parent"] is JsonObject parent && e.Categories.Get(parent["id"]!.ToString()) is { } parentCategory)
        {
            foreach (var ancestor in parentCategory["ancestors"] as JsonArray ?? []) ancestors.Add(ancestor?.DeepClone());
            ancestors.Add(parent.DeepClone());
        }
        category["ancestors"] = ancestors;
        category["orderHint"] ??= "0.5";
        return category;
    }

    private static JsonObject Cart(JsonObject draft)
    {
        var cart = (JsonObject)draft.DeepClone();
        cart["cartState"] = "Active";
        cart["lineItems"] ??= new JsonArray();
        foreach (var item in cart["lineItems"]!.AsArray().OfType<JsonObject>()) item["id"] ??= Guid.NewGuid().ToString();
        cart["totalPrice"] = new JsonObject { ["type"] = "centPrecision", ["currencyCode"] = cart["currency"]?.DeepClone(), ["centAmount"] = 0, ["fractionDigits"] = 2 };
        return cart;
    }

    private static JsonObject Inventory(JsonObject draft)
    {
        var entry = (JsonObject)draft.DeepClone();
        entry["availableQuantity"] = entry["quantityOnStock"]?.DeepClone();
        return entry;
    }

    /// <summary>An order is created from a cart at its version (<c>{"id"|"cart", "version"}</c>); the cart becomes Ordered.</summary>
    private static (JsonObject?, IResult?) FromCart(CommercetoolsEmulator e, JsonObject draft)
    {
        var cartIdentifier = draft["cart"] as JsonObject ?? new JsonObject { ["typeId"] = "cart", ["id"] = draft["id"]?.DeepClone() };
        var (reference, error) = CommercetoolsReferences.Resolve(e, cartIdentifier, "cart");
        if (error is not null) return (null, error);
        var version = JsonHelpers.Long(draft["version"]) ?? 0;
        JsonObject? cart = null;
        var (_, changeError) = e.Carts.Change(reference!["id"]!.ToString(), version, c =>
        {
            if (c["cartState"]?.ToString() != "Active") return CommercetoolsErrors.InvalidOperation("The cart is not active.");
            cart = (JsonObject)c.DeepClone();
            c["cartState"] = "Ordered";
            return null;
        });
        if (changeError is not null) return (null, changeError);
        var order = new JsonObject
        {
            ["orderState"] = draft["orderState"]?.DeepClone() ?? "Open",
            ["cart"] = reference,
            ["orderNumber"] = draft["orderNumber"]?.DeepClone(),
        };
        foreach (var field in new[] { "customerId", "customerEmail", "lineItems", "totalPrice", "shippingAddress", "billingAddress", "country", "store", "locale" })
            if (cart![field] is { } value) order[field] = value.DeepClone();
        return (order, null);
    }
}
