using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Connectors;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Writes;
using Switchboard.Contracts;

namespace Switchboard.Connector.OpenCart;

/// <summary>4.0's "Order - Edit": a sequence on a session of its own. catalog/controller/api/sale/order.php confirm()
/// edits the order whose id load() put into the session and adds a new order otherwise (it never reads
/// <c>?order_id</c>); load() fills the session with the order's customer, addresses, methods, currency and products.
/// So: Login → Order - Load → what the payload changes (currency, customer, products, addresses, methods, coupon,
/// voucher, reward) → the confirm route. Sections the payload leaves out stay as the order has them.</summary>
public static class OrderEditing
{
    private const string What = "editing the order";

    private static readonly (string Section, string Entity)[] Totals =
        [("coupon", "Coupon - Apply existing coupon"), ("voucher", "Voucher - Apply"), ("reward", "Reward - Apply points")];

    public static async Task<PublishResult> EditAsync(ConnectorClient client, OpenCartVersion version, EntityRequest request, JsonObject document, CancellationToken cancellationToken)
    {
        var (orderId, changes) = Validated(client, EntityPublisher.Resolve(client, request, document), document);
        var sequence = new StepSequence(What);
        var total = 3 + Planned(changes);
        var session = await sequence.RunAsync("Login", total, () => OpenCartSessionCalls.LoginAsync(client, version, cancellationToken));

        Task<JsonNode?> Send(string entity, JsonObject? fields, IReadOnlyDictionary<string, string>? query = null) =>
            sequence.RunAsync(entity, total, () => OpenCartSessionCalls.SendAsync(client, entity, fields, session, cancellationToken, query));

        await Send(OpenCartCatalog.LoadOrder, null, new Dictionary<string, string> { ["order_id"] = orderId });
        if (changes["currency"] is JsonValue) await Send("Currency - Set", OrderPlacement.Pick(changes, "currency"));
        if (changes["customer"] is JsonObject customer) await Send("Customer - Set customer", (JsonObject)customer.DeepClone());
        if (changes["products"] is JsonArray products)
        {
            // load() has put the order's products into the cart: they leave it by their cart_id (api/sale/cart.php remove()).
            var cart = await Send("Cart - Products in cart", null);
            var lines = (cart?["products"] as JsonArray ?? []).Select(p => p?["cart_id"]?.ToString()).OfType<string>().ToArray();
            total += lines.Length;
            foreach (var line in lines) await Send("Cart - Remove", new JsonObject { ["key"] = line });
            foreach (var product in products) await Send("Cart - Add product", (JsonObject)product!.DeepClone());
        }
        if (changes["payment_address"] is JsonObject payment) await Send("Payment - Set address", (JsonObject)payment.DeepClone());
        if (changes["shipping_address"] is JsonObject shipping) await Send("Shipping - Set address", (JsonObject)shipping.DeepClone());
        // save() accepts only a method of the list index() has just put into the session.
        if (changes["shipping_method"] is JsonValue)
        {
            await Send("Shipping - Returning available shipping methods", null);
            await Send("Shipping - Set method", OrderPlacement.Pick(changes, "shipping_method"));
        }
        if (changes["payment_method"] is JsonValue)
        {
            await Send("Payment - Returning available payment methods", null);
            await Send("Payment - Set method", OrderPlacement.Pick(changes, "payment_method"));
        }
        foreach (var (section, entity) in Totals)
            if (changes[section] is JsonValue) await Send(entity, OrderPlacement.Pick(changes, section));
        var confirmed = await Send(OpenCartCatalog.EditOrder, OrderPlacement.Pick(changes, "comment", "affiliate_id", "order_status_id"));

        return new PublishResult(200, confirmed?["order_id"]?.ToString() ?? orderId, new JsonObject
        {
            ["order_id"] = confirmed?["order_id"]?.DeepClone(),
            ["success"] = confirmed?["success"]?.DeepClone(),
            ["steps"] = new JsonArray(sequence.Done.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        });
    }

    /// <summary>The steps the payload asks for besides Login, Order - Load and the confirm (cart removals come later:
    /// only the cart says how many lines the order has).</summary>
    private static int Planned(JsonObject changes) =>
        (changes["currency"] is JsonValue ? 1 : 0)
        + (changes["customer"] is JsonObject ? 1 : 0)
        + (changes["products"] is JsonArray products ? 1 + products.Count : 0)
        + (changes["payment_address"] is JsonObject ? 1 : 0)
        + (changes["shipping_address"] is JsonObject ? 1 : 0)
        + (changes["shipping_method"] is JsonValue ? 2 : 0)
        + (changes["payment_method"] is JsonValue ? 2 : 0)
        + Totals.Count(t => changes[t.Section] is JsonValue);

    private static (string OrderId, JsonObject Changes) Validated(ConnectorClient client, EntityRequest request, JsonObject document)
    {
        if (document["payload"] is not (null or JsonObject))
            throw Refused(client, "the entity's payload must be an object with the sections to change: customer, products, payment_address, shipping_address, shipping_method, payment_method, coupon, comment, order_status_id");
        var changes = (JsonObject?)document["payload"]?.DeepClone() ?? new JsonObject();
        var id = request.Query.GetValueOrDefault("order_id") ?? changes["order_id"]?.ToString();
        changes.Remove("order_id");
        var problems = new List<string>();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            problems.Add($"the order to edit is missing: give query.order_id (or payload.order_id){(id is null ? "" : $", not '{id}'")}");
        foreach (var section in new[] { "customer", "payment_address", "shipping_address" })
            if (changes[section] is not (null or JsonObject)) problems.Add($"payload.{section} must be an object when given");
        if (changes["products"] is not (null or JsonArray { Count: > 0 }) || changes["products"] is JsonArray list && list.Any(p => p is not JsonObject))
            problems.Add("payload.products must be a list of objects (product_id, quantity, option) when given: it replaces the order's products");
        if (problems.Count > 0) throw Refused(client, problems.ToArray());
        return (id!, changes);
    }

    private static PlatformException Refused(ConnectorClient client, params string[] messages) =>
        new(PlatformError.NotSent($"POST {client.Config.Name} {OpenCartCatalog.EditOrder}", messages));
}
