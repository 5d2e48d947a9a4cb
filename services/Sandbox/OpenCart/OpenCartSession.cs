using System.Text.Json.Nodes;

namespace Switchboard.Sandbox;

/// <summary>One API session's <c>$this->session->data</c>: who logged in, from where, when it was last used, and the
/// order being built — customer, cart, addresses, offered and chosen methods, coupon, voucher, reward, currency.</summary>
public sealed class OpenCartSession
{
    public required string Token { get; init; }
    public required string Ip { get; init; }
    public DateTimeOffset LastUsed { get; set; }

    public JsonObject? Customer { get; set; }
    public List<JsonObject> Cart { get; } = [];
    public JsonObject? PaymentAddress { get; set; }
    public JsonObject? ShippingAddress { get; set; }
    public JsonObject? PaymentMethods { get; set; }
    public JsonObject? ShippingMethods { get; set; }
    public JsonObject? PaymentMethod { get; set; }
    public JsonObject? ShippingMethod { get; set; }
    public string? Coupon { get; set; }
    public string? Voucher { get; set; }
    public int? Reward { get; set; }
    public List<JsonObject> Vouchers { get; } = [];
    public string Currency { get; set; } = "USD";

    /// <summary>4.0: the order <c>api/sale/order.load</c> put into the session, which <c>confirm</c> then edits.</summary>
    public long? OrderId { get; set; }
    private int _nextCartId = 1;

    public int NextCartId() => _nextCartId++;
}
