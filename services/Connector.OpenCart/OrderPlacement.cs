using System.Text.Json.Nodes;
using Switchboard.Connectors;
using Switchboard.Connectors.Auth;
using Switchboard.Connectors.Errors;
using Switchboard.Connectors.Http;
using Switchboard.Connectors.Writes;
using Switchboard.Contracts;

namespace Switchboard.Connector.OpenCart;

/// <summary>"Order - Place": one entity whose payload holds the whole order, sent as the calls the admin's order form
/// makes, in its order (platforms/opencart.md): currency → customer → cart → payment address → payment methods →
/// shipping address → shipping methods → shipping method → payment method → coupon/voucher/reward → order. 3.0 and 4.0
/// run them in a session of their own, so orders placed side by side never share a cart; 4.1 posts the whole order
/// state with each signed call. A refusal names its step and what had been done before it (README.md).</summary>
public static class OrderPlacement
{
    private const string What = "placing the order";

    public static async Task<PublishResult> PlaceAsync(ConnectorClient client, OpenCartVersion version, JsonObject document, CancellationToken cancellationToken)
    {
        var order = Validated(client, version, document);
        var plan = Plan(order, version);
        var sequence = new StepSequence(What);
        string? session = null;
        if (version.IsSession)
            session = await sequence.RunAsync("Login", plan.Count + 1, () => OpenCartSessionCalls.LoginAsync(client, version, cancellationToken));
        var total = sequence.Done.Count + plan.Count;

        var state = version.IsSigned ? SignedState(order) : null;
        JsonNode? last = null;
        foreach (var step in plan)
        {
            var fields = state ?? step.Fields?.Invoke(order);
            // What a step learns belongs to that step: a refusal to choose a method names it like a refused call.
            last = await sequence.RunAsync(step.Entity, total, async () =>
            {
                var answer = await OpenCartSessionCalls.SendAsync(client, step.Entity, fields, session, cancellationToken);
                step.Learn?.Invoke(order, state, answer);
                return answer;
            });
        }

        var orderId = last?["order_id"]?.ToString();
        return new PublishResult(200, orderId, new JsonObject
        {
            ["order_id"] = last?["order_id"]?.DeepClone(),
            ["success"] = last?["success"]?.DeepClone(),
            ["steps"] = new JsonArray(sequence.Done.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        });
    }

    /// <summary>One call of the sequence: the catalog entity it sends, the form fields it takes from the order (null for
    /// reading routes), and what it learns from the answer (a method the user left to the store).</summary>
    private sealed record Step(string Entity, Func<JsonObject, JsonObject?>? Fields = null, Action<JsonObject, JsonObject?, JsonNode?>? Learn = null);

    private static List<Step> Plan(JsonObject order, OpenCartVersion version)
    {
        var steps = new List<Step>();
        if (!version.IsSigned && order["currency"] is JsonValue)
            steps.Add(new("Currency - Set", o => Pick(o, "currency")));
        steps.Add(new("Customer - Set customer", o => (JsonObject)o["customer"]!.DeepClone()));
        if (version.IsSale)
            // 4.0's cart route adds one product a call.
            steps.AddRange(((JsonArray)order["products"]!).Select(p => new Step("Cart - Add product", _ => (JsonObject)p!.DeepClone())));
        else
            steps.Add(new("Cart - Add product", o => new JsonObject { ["product"] = o["products"]!.DeepClone() }));
        steps.Add(new("Payment - Set address", o => (JsonObject)o["payment_address"]!.DeepClone()));
        if (!version.IsSigned || order["payment_method"] is null)
            steps.Add(new("Payment - Returning available payment methods", Learn: (o, state, answer) => Choose(o, state, answer, "payment_methods", "payment_method")));
        if (order["shipping_address"] is JsonObject)
        {
            steps.Add(new("Shipping - Set address", o => (JsonObject)o["shipping_address"]!.DeepClone()));
            if (!version.IsSigned || order["shipping_method"] is null)
                steps.Add(new("Shipping - Returning available shipping methods", Learn: (o, state, answer) => Choose(o, state, answer, "shipping_methods", "shipping_method")));
            steps.Add(new("Shipping - Set method", o => Pick(o, "shipping_method")));
        }
        steps.Add(new("Payment - Set method", o => Pick(o, "payment_method")));
        if (!version.IsSigned) // refused before any call for 4.1 (Validated)
            foreach (var (section, entity) in new[] { ("coupon", "Coupon - Apply existing coupon"), ("voucher", "Voucher - Apply"), ("reward", "Reward - Apply points") })
                if (order[section] is JsonValue)
                    steps.Add(new(entity, o => Pick(o, section)));
        steps.Add(new("Order - Add", o => Pick(o, "comment", "affiliate_id", "order_status_id")));
        return steps;
    }

    /// <summary>4.1 keeps no session: every call carries the whole order, customer fields at the top level.</summary>
    private static JsonObject SignedState(JsonObject order)
    {
        var state = (JsonObject)order["customer"]!.DeepClone();
        state["product"] = order["products"]!.DeepClone();
        foreach (var section in new[] { "payment_address", "shipping_address", "shipping_method", "payment_method", "comment", "affiliate_id", "order_status_id" })
            if (order[section] is { } value) state[section] = value.DeepClone();
        return state;
    }

    /// <summary>When the order names no method, the first one the store offers (depth first: 3.0 nests shipping quotes).</summary>
    private static void Choose(JsonObject order, JsonObject? state, JsonNode? answer, string listKey, string field)
    {
        if (order[field] is JsonValue) return;
        if (FirstCode(answer?[listKey]) is not { } code)
            throw new PlatformException(new PlatformError
            {
                Messages = [$"the store offers no {field.Replace('_', ' ')}s for this order; give payload.{field}"],
                Request = $"(answer of {listKey})",
            });
        order[field] = code;
        if (state is not null) state[field] = code;
    }

    private static string? FirstCode(JsonNode? node) => node switch
    {
        JsonObject o when o["code"] is JsonValue code => code.ToString(),
        JsonObject o => o.Select(p => FirstCode(p.Value)).FirstOrDefault(c => c is not null),
        JsonArray a => a.Select(FirstCode).FirstOrDefault(c => c is not null),
        _ => null,
    };

    internal static JsonObject Pick(JsonObject order, params string[] names)
    {
        var fields = new JsonObject();
        foreach (var name in names)
            if (order[name] is { } value) fields[name] = value.DeepClone();
        return fields;
    }

    private static JsonObject Validated(ConnectorClient client, OpenCartVersion version, JsonObject document)
    {
        var problems = new List<string>();
        if (document["payload"] is not JsonObject order)
            throw Refused(client, "the entity's payload must be an object with the order's sections: customer, products, payment_address, shipping_address, shipping_method, payment_method, coupon, comment");
        if (order["customer"] is not JsonObject) problems.Add("payload.customer must be an object (firstname, lastname, email, telephone, customer_id, customer_group_id)");
        if (order["products"] is not JsonArray { Count: > 0 } products || products.Any(p => p is not JsonObject))
            problems.Add("payload.products must be a list of objects (product_id, quantity, option)");
        if (order["payment_address"] is not JsonObject) problems.Add("payload.payment_address must be an object (firstname, lastname, address_1, city, postcode, country_id, zone_id)");
        if (order["shipping_address"] is not (null or JsonObject)) problems.Add("payload.shipping_address must be an object when given");
        if (version.IsSigned)
            // 4.1's api/order takes no coupon, voucher or reward call (platforms/opencart.md): sending the order without
            // them would place it at a price the source never had.
            problems.AddRange(new[] { "coupon", "voucher", "reward" }.Where(f => order[f] is not null)
                .Select(f => $"payload.{f} cannot be sent to OpenCart {version.Major}.{version.Minor}: its signed order API has no call that applies a {f}; remove it from the payload or place the order on a 3.0 or 4.0 store"));
        if (problems.Count > 0) throw Refused(client, problems.ToArray());
        return (JsonObject)order.DeepClone();
    }

    private static PlatformException Refused(ConnectorClient client, params string[] messages) =>
        new(PlatformError.NotSent($"POST {client.Config.Name} {OpenCartCatalog.PlaceOrder}", messages));
}
