using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Switchboard.Sandbox;

/// <summary>What one call does to its session and the store, with the answers and messages of OpenCart 3.0's
/// catalog/controller/api/*.php and their language files. 4.0 and 4.1 reach the same operations by other routes.</summary>
internal static partial class OpenCartOperations
{
    public const string NoPermission = "Warning: You do not have permission to access the API!";

    /// <summary>3.0 puts the permission error under <c>error.warning</c> on these routes and directly under <c>error</c> on the rest.</summary>
    public static readonly IReadOnlySet<string> WarningShaped = new HashSet<string>
    {
        "cart.add", "cart.edit", "cart.remove", "cart.products", "customer", "payment.address", "payment.methods",
        "payment.method", "shipping.address", "shipping.methods", "shipping.method",
    };

    public static readonly IReadOnlyDictionary<string, Func<OpenCartCall, JsonObject>> All = new Dictionary<string, Func<OpenCartCall, JsonObject>>
    {
        ["cart.add"] = CartAdd,
        ["cart.edit"] = CartEdit,
        ["cart.remove"] = CartRemove,
        ["cart.products"] = CartProducts,
        ["currency"] = Currency,
        ["customer"] = Customer,
        ["payment.address"] = c => Address(c, payment: true),
        ["payment.methods"] = PaymentMethods,
        ["payment.method"] = PaymentMethod,
        ["shipping.address"] = c => Address(c, payment: false),
        ["shipping.methods"] = ShippingMethods,
        ["shipping.method"] = ShippingMethod,
        ["coupon"] = Coupon,
        ["voucher"] = Voucher,
        ["voucher.add"] = VoucherAdd,
        ["reward"] = Reward,
        ["reward.maximum"] = c => new JsonObject { ["maximum"] = 0 },
        ["reward.available"] = c => new JsonObject { ["points"] = 0 },
        ["order.add"] = c => c.Is40 ? Confirm40(c) : OrderAdd(c, null),
        ["order.edit"] = c => long.TryParse(c.Query("order_id"), out var id) && c.Store.Orders.Get(id) is not null
            ? OrderAdd(c, id) : Error("Warning: Order could not be found!"),
        ["order.delete"] = c => c.Is40 ? OrderDelete40(c) : OrderDelete(c),
        ["order.info"] = OrderInfo,
        ["order.load"] = OrderLoad,
        ["order.history"] = OrderHistory,
    };

    private static JsonObject Success(string message) => new() { ["success"] = message };

    public static JsonObject Error(string message) => new() { ["error"] = message };

    private static JsonObject FieldErrors(Dictionary<string, JsonNode> errors) => new() { ["error"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))) };

    private static JsonObject CartAdd(OpenCartCall c)
    {
        var s = c.Session;
        if (c.Post["product"] is JsonObject)
        {
            // A whole cart at once: 3.0 replaces the cart and trusts the ids; unknown products vanish from it later.
            s.Cart.Clear();
            foreach (var row in PhpForm.Rows(c.Post["product"]))
                s.Cart.Add(Line(s, PhpForm.Str(row, "product_id"), PhpForm.Str(row, "quantity"), row["option"] as JsonObject));
        }
        else if (c.Post["product_id"] is not null)
        {
            if (!long.TryParse(PhpForm.Str(c.Post, "product_id"), out var id) || c.Store.Product(id) is not { } product)
                return FieldErrors(new() { ["store"] = "Warning: Product can not be bought from the store you have choosen!" });
            var option = c.Post["option"] as JsonObject ?? new JsonObject();
            var missing = new JsonObject();
            foreach (var (optionId, name) in (JsonObject)product["required_options"]!)
                if (string.IsNullOrEmpty(option[optionId]?.ToString())) missing[optionId] = $"{name} required!";
            if (missing.Count > 0) return new JsonObject { ["error"] = new JsonObject { ["option"] = missing } };
            s.Cart.Add(Line(s, id.ToString(CultureInfo.InvariantCulture), PhpForm.Str(c.Post, "quantity"), option));
        }
        ForgetMethods(c);
        return Success("Success: You have modified your shopping cart!");
    }

    private static JsonObject Line(OpenCartSession s, string productId, string quantity, JsonObject? option) => new()
    {
        ["cart_id"] = s.NextCartId(),
        ["product_id"] = long.TryParse(productId, out var id) ? id : 0,
        ["quantity"] = int.TryParse(quantity, out var q) && q > 0 ? q : 1,
        ["option"] = option?.DeepClone() ?? new JsonObject(),
    };

    private static JsonObject CartEdit(OpenCartCall c)
    {
        var line = c.Session.Cart.FirstOrDefault(l => l["cart_id"]!.ToString() == PhpForm.Str(c.Post, "key"));
        if (line is not null) line["quantity"] = int.TryParse(PhpForm.Str(c.Post, "quantity"), out var q) ? q : 1;
        ForgetMethods(c);
        return Success("Success: You have modified your shopping cart!");
    }

    private static JsonObject CartRemove(OpenCartCall c)
    {
        c.Session.Cart.RemoveAll(l => l["cart_id"]!.ToString() == PhpForm.Str(c.Post, "key"));
        ForgetMethods(c);
        return Success("Success: You have modified your shopping cart!");
    }

    /// <summary>A changed cart forgets the offered methods; 3.0 also the chosen ones, while 4.0's api/sale/cart.php
    /// add/edit/remove unset only <c>shipping_methods</c> and <c>payment_methods</c> (a loaded order keeps its methods).</summary>
    private static void ForgetMethods(OpenCartCall c)
    {
        var s = c.Session;
        s.ShippingMethods = null;
        s.PaymentMethods = null;
        if (c.Is40) return;
        s.ShippingMethod = null;
        s.PaymentMethod = null;
    }

    /// <summary>The cart's lines that are real products, priced (cart->getProducts()).</summary>
    public static List<JsonObject> Products(OpenCartCall c) =>
        c.Session.Cart.Select(l => (Line: l, Product: c.Store.Product(l["product_id"]!.GetValue<long>())))
            .Where(x => x.Product is not null)
            .Select(x =>
            {
                var quantity = x.Line["quantity"]!.GetValue<int>();
                var price = x.Product!["price"]!.GetValue<decimal>();
                return new JsonObject
                {
                    ["cart_id"] = x.Line["cart_id"]!.DeepClone(),
                    ["product_id"] = x.Product["product_id"]!.DeepClone(),
                    ["name"] = x.Product["name"]!.DeepClone(),
                    ["model"] = x.Product["model"]!.DeepClone(),
                    ["option"] = x.Line["option"]!.DeepClone(),
                    ["quantity"] = quantity,
                    ["shipping"] = x.Product["shipping"]!.DeepClone(),
                    ["price"] = price,
                    ["total"] = price * quantity,
                };
            }).ToList();

    private static bool HasShipping(OpenCartCall c) => Products(c).Any(p => p["shipping"]!.GetValue<bool>());

    private static JsonArray Totals(OpenCartCall c, List<JsonObject> products)
    {
        var subTotal = products.Sum(p => p["total"]!.GetValue<decimal>());
        var totals = new JsonArray { Total("sub_total", "Sub-Total", subTotal) };
        var total = subTotal;
        if (c.Session.Coupon is { } code && c.Store.Coupons.TryGetValue(code, out var coupon))
        {
            var discount = coupon["type"]!.ToString() == "P" ? subTotal * coupon["discount"]!.GetValue<decimal>() / 100 : Math.Min(subTotal, coupon["discount"]!.GetValue<decimal>());
            totals.Add(Total("coupon", $"Coupon ({code})", -discount));
            total -= discount;
        }
        if (c.Session.ShippingMethod is { } shipping)
        {
            totals.Add(Total("shipping", shipping["title"]!.ToString(), shipping["cost"]!.GetValue<decimal>()));
            total += shipping["cost"]!.GetValue<decimal>();
        }
        totals.Add(Total("total", "Total", total));
        return totals;
    }

    private static JsonObject Total(string code, string title, decimal value) => new()
    {
        ["code"] = code, ["title"] = title, ["value"] = value, ["text"] = $"${value:0.00}",
    };

    private static JsonObject CartProducts(OpenCartCall c)
    {
        var products = Products(c);
        return new JsonObject
        {
            ["products"] = new JsonArray(products.Select(p => (JsonNode?)p).ToArray()),
            ["vouchers"] = new JsonArray(c.Session.Vouchers.Select(v => (JsonNode?)v.DeepClone()).ToArray()),
            ["totals"] = Totals(c, products),
        };
    }

    private static JsonObject Currency(OpenCartCall c)
    {
        var code = PhpForm.Str(c.Post, "currency");
        if (!OpenCartSeedData.Currencies.Contains(code)) return Error("Warning: Currency code is invalid!");
        c.Session.Currency = code;
        return Success("Success: Your currency has been changed!");
    }

    private static JsonObject Customer(OpenCartCall c)
    {
        var p = c.Post;
        var errors = new Dictionary<string, JsonNode>();
        if (Length(p, "firstname") is < 1 or > 32) errors["firstname"] = "First Name must be between 1 and 32 characters!";
        if (Length(p, "lastname") is < 1 or > 32) errors["lastname"] = "Last Name must be between 1 and 32 characters!";
        var email = PhpForm.Str(p, "email");
        if (email.Length > 96 || !Email().IsMatch(email)) errors["email"] = "E-Mail Address does not appear to be valid!";
        if (Length(p, "telephone") is < 3 or > 32) errors["telephone"] = "Telephone must be between 3 and 32 characters!";
        if (errors.Count > 0) return FieldErrors(errors);
        c.Session.Customer = new JsonObject
        {
            ["customer_id"] = long.TryParse(PhpForm.Str(p, "customer_id"), out var id) ? id : 0,
            ["customer_group_id"] = long.TryParse(PhpForm.Str(p, "customer_group_id"), out var group) ? group : 1,
            ["firstname"] = PhpForm.Str(p, "firstname"),
            ["lastname"] = PhpForm.Str(p, "lastname"),
            ["email"] = email,
            ["telephone"] = PhpForm.Str(p, "telephone"),
            ["custom_field"] = p["custom_field"]?.DeepClone() ?? new JsonObject(),
        };
        return Success("You have successfully modified customers");
    }

    private static int Length(JsonObject post, string field) => PhpForm.Str(post, field).Trim().Length;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    private static JsonObject Address(OpenCartCall c, bool payment)
    {
        var p = c.Post;
        var errors = new Dictionary<string, JsonNode>();
        if (Length(p, "firstname") is < 1 or > 32) errors["firstname"] = "First Name must be between 1 and 32 characters!";
        if (Length(p, "lastname") is < 1 or > 32) errors["lastname"] = "Last Name must be between 1 and 32 characters!";
        if (Length(p, "address_1") is < 3 or > 128) errors["address_1"] = "Address 1 must be between 3 and 128 characters!";
        if (Length(p, "city") is < 2 or > 128) errors["city"] = "City must be between 2 and 128 characters!";
        long.TryParse(PhpForm.Str(p, "country_id"), out var countryId);
        if (!OpenCartSeedData.Countries.TryGetValue(countryId, out var country))
            errors["country"] = "Please select a country!";
        else if (country.PostcodeRequired && Length(p, "postcode") is < 2 or > 10)
            errors["postcode"] = "Postcode must be between 2 and 10 characters!";
        if (!long.TryParse(PhpForm.Str(p, "zone_id"), out var zoneId))
            errors["zone"] = "Please select a region / state!";
        if (errors.Count > 0) return FieldErrors(errors);
        var address = new JsonObject();
        foreach (var field in new[] { "firstname", "lastname", "company", "address_1", "address_2", "postcode", "city" })
            address[field] = PhpForm.Str(p, field);
        address["zone_id"] = zoneId;
        address["zone"] = country.Zones.GetValueOrDefault(zoneId, "");
        address["country_id"] = countryId;
        address["country"] = country.Name;
        address["address_format"] = "";
        address["custom_field"] = p["custom_field"]?.DeepClone() ?? new JsonObject();
        if (payment)
        {
            c.Session.PaymentAddress = address;
            c.Session.PaymentMethod = null;
            c.Session.PaymentMethods = null;
            return Success("Success: Payment address has been set!");
        }
        c.Session.ShippingAddress = address;
        c.Session.ShippingMethod = null;
        c.Session.ShippingMethods = null;
        return Success("Success: Shipping address has been set!");
    }

    private static JsonObject PaymentMethods(OpenCartCall c)
    {
        if (c.Session.PaymentAddress is null) return Error("Warning: Payment address required!");
        c.Session.PaymentMethods = OpenCartSeedData.PaymentMethods();
        return new JsonObject { ["payment_methods"] = c.Session.PaymentMethods.DeepClone() };
    }

    private static JsonObject PaymentMethod(OpenCartCall c)
    {
        if (c.Session.PaymentAddress is null) return Error("Warning: Payment address required!");
        var code = PhpForm.Str(c.Post, "payment_method");
        if (c.Session.PaymentMethods?[code] is not JsonObject method) return Error("Warning: Payment method required!");
        c.Session.PaymentMethod = (JsonObject)method.DeepClone();
        return Success("Success: Payment method has been set!");
    }

    private static JsonObject ShippingMethods(OpenCartCall c)
    {
        if (!HasShipping(c)) return new JsonObject { ["shipping_methods"] = new JsonObject() };
        if (c.Session.ShippingAddress is null) return Error("Warning: Shipping address required!");
        c.Session.ShippingMethods = OpenCartSeedData.ShippingMethods();
        return new JsonObject { ["shipping_methods"] = c.Session.ShippingMethods.DeepClone() };
    }

    private static JsonObject ShippingMethod(OpenCartCall c)
    {
        if (c.Session.ShippingAddress is null) return Error("Warning: Shipping address required!");
        var code = PhpForm.Str(c.Post, "shipping_method").Split('.');
        if (code.Length != 2 || c.Session.ShippingMethods?[code[0]]?["quote"]?[code[1]] is not JsonObject quote)
            return Error("Warning: Shipping method required!");
        c.Session.ShippingMethod = (JsonObject)quote.DeepClone();
        return Success("Success: Shipping method has been set!");
    }

    private static JsonObject Coupon(OpenCartCall c)
    {
        c.Session.Coupon = null;
        var code = PhpForm.Str(c.Post, "coupon");
        if (!c.Store.Coupons.ContainsKey(code)) return Error("Warning: Coupon is either invalid, expired or reached its usage limit!");
        c.Session.Coupon = code;
        return Success("Success: Your coupon discount has been applied!");
    }

    private static JsonObject Voucher(OpenCartCall c)
    {
        c.Session.Voucher = null;
        return Error("Warning: Gift Voucher is either invalid or the balance has been used up!");
    }

    private static JsonObject VoucherAdd(OpenCartCall c)
    {
        var errors = new Dictionary<string, JsonNode>();
        if (Length(c.Post, "from_name") is < 1 or > 64) errors["from_name"] = "Your Name must be between 1 and 64 characters!";
        if (!Email().IsMatch(PhpForm.Str(c.Post, "from_email"))) errors["from_email"] = "E-Mail Address does not appear to be valid!";
        if (Length(c.Post, "to_name") is < 1 or > 64) errors["to_name"] = "Recipient's Name must be between 1 and 64 characters!";
        if (!Email().IsMatch(PhpForm.Str(c.Post, "to_email"))) errors["to_email"] = "E-Mail Address does not appear to be valid!";
        if (!decimal.TryParse(PhpForm.Str(c.Post, "amount"), CultureInfo.InvariantCulture, out var amount) || amount < 1 || amount > 1000)
            errors["amount"] = "Amount must be between $1.00 and $1,000.00!";
        if (errors.Count > 0) return FieldErrors(errors);
        c.Session.Vouchers.Add(PhpForm.Clean(c.Post));
        return Success("Success: You have modified your shopping cart!");
    }

    private static JsonObject Reward(OpenCartCall c)
    {
        if (!int.TryParse(PhpForm.Str(c.Post, "reward"), out var points) || points <= 0)
            return Error("Warning: Please enter the amount of reward points to use!");
        return Error($"Warning: You don't have {points} reward points!");
    }

    private static JsonObject OrderAdd(OpenCartCall c, long? editing)
    {
        var s = c.Session;
        string? error = null;
        if (s.Customer is null) error = "Warning: Customer details required!";
        if (s.PaymentAddress is null) error = "Warning: Payment address required!";
        if (error is null && PhpForm.Str(c.Post, "payment_method") is { Length: > 0 } chosen)
        {
            if (s.PaymentMethods?[chosen] is JsonObject m) s.PaymentMethod = (JsonObject)m.DeepClone();
            else error = "Warning: Payment method required!";
        }
        if (s.PaymentMethod is null) error = "Warning: Payment method required!";
        var products = Products(c);
        if (products.Any(p => p["shipping"]!.GetValue<bool>()))
        {
            if (s.ShippingAddress is null) error = "Warning: Shipping address required!";
            if (s.ShippingMethod is null) error = "Warning: Shipping method required!";
        }
        if (products.Count == 0 && s.Vouchers.Count == 0)
            error = "Warning: Products marked with *** are not available in the desired quantity or not in stock!";
        if (error is not null) return Error(error);

        var totals = Totals(c, products);
        var order = new JsonObject
        {
            ["store_id"] = long.TryParse(c.Query("store_id"), out var store) ? store : 0,
            ["customer"] = s.Customer!.DeepClone(),
            ["products"] = new JsonArray(products.Select(p => (JsonNode?)p).ToArray()),
            ["vouchers"] = new JsonArray(s.Vouchers.Select(v => (JsonNode?)v.DeepClone()).ToArray()),
            ["payment_address"] = s.PaymentAddress!.DeepClone(),
            ["payment_method"] = s.PaymentMethod!.DeepClone(),
            ["shipping_address"] = s.ShippingAddress?.DeepClone(),
            ["shipping_method"] = s.ShippingMethod?.DeepClone(),
            ["coupon"] = s.Coupon,
            ["comment"] = PhpForm.Str(c.Post, "comment"),
            ["affiliate_id"] = long.TryParse(PhpForm.Str(c.Post, "affiliate_id"), out var affiliate) ? affiliate : 0,
            ["order_status_id"] = long.TryParse(PhpForm.Str(c.Post, "order_status_id"), out var status) ? status : 1,
            ["currency_code"] = s.Currency,
            ["totals"] = totals,
            ["total"] = totals[^1]!["value"]!.DeepClone(),
            ["ip"] = c.Ip,
            ["date_added"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };
        if (editing is { } id)
        {
            c.Store.Orders.Update(id, o => { foreach (var (k, v) in order) o[k] = v?.DeepClone(); });
            return c.Is40 ? new JsonObject { ["success"] = "Success: You have modified orders!", ["order_id"] = id } : Success("Success: You have modified orders!");
        }
        var created = c.Store.Orders.Add(order);
        var createdId = created["order_id"]!.GetValue<long>();
        // 4.0's confirm() keeps the new order_id in the session (so a later confirm there edits it) and the cart as it is.
        if (c.Is40) s.OrderId = createdId;
        else s.Cart.Clear();
        return new JsonObject { ["success"] = "Success: You have modified orders!", ["order_id"] = createdId };
    }

    /// <summary>4.0's api/sale/order.php confirm(): edits the order of the session's <c>order_id</c> (set by load() or
    /// an earlier confirm) and adds one when there is none — <c>?order_id</c> is not read. An order_id whose order is
    /// gone is answered as done, with nothing changed.</summary>
    private static JsonObject Confirm40(OpenCartCall c)
    {
        if (c.Session.OrderId is not { } id) return OrderAdd(c, null);
        if (c.Store.Orders.Get(id) is not null) return OrderAdd(c, id);
        return new JsonObject { ["success"] = "Success: You have modified orders!", ["order_id"] = id };
    }

    /// <summary>4.0's api/sale/order.php load(): the order of <c>?order_id</c> goes into the session — its id, customer,
    /// addresses, chosen methods, currency, coupon and products (added to the cart) — and the answer is only "success".</summary>
    private static JsonObject OrderLoad(OpenCartCall c)
    {
        if (!long.TryParse(c.Query("order_id"), out var id) || c.Store.Orders.Get(id) is not { } order) return Error("Warning: Order could not be found!");
        var s = c.Session;
        s.OrderId = id;
        s.Customer = (JsonObject?)order["customer"]?.DeepClone();
        s.PaymentAddress = (JsonObject?)order["payment_address"]?.DeepClone();
        s.PaymentMethod = (JsonObject?)order["payment_method"]?.DeepClone();
        if (order["shipping_method"] is JsonObject shippingMethod)
        {
            s.ShippingAddress = (JsonObject?)order["shipping_address"]?.DeepClone();
            s.ShippingMethod = (JsonObject)shippingMethod.DeepClone();
        }
        if (order["currency_code"]?.ToString() is { Length: > 0 } currency) s.Currency = currency;
        if (order["coupon"]?.ToString() is { Length: > 0 } coupon) s.Coupon = coupon;
        foreach (var product in order["products"]?.AsArray() ?? [])
            s.Cart.Add(Line(s, product!["product_id"]!.ToString(), product["quantity"]!.ToString(), product["option"] as JsonObject));
        return Success("Success: You have modified orders!");
    }

    /// <summary>4.0's delete(): the orders of <c>?order_id</c> and of posted <c>selected[]</c> that exist are deleted;
    /// the answer is "success" either way.</summary>
    private static JsonObject OrderDelete40(OpenCartCall c)
    {
        var selected = c.Post["selected"] is JsonObject rows ? rows.Select(r => r.Value?.ToString() ?? "") : [];
        var ids = selected.Append(c.Query("order_id"));
        foreach (var id in ids)
            if (long.TryParse(id, out var number)) c.Store.Orders.Remove(number);
        return Success("Success: You have modified orders!");
    }

    private static JsonObject OrderDelete(OpenCartCall c) =>
        long.TryParse(c.Query("order_id"), out var id) && c.Store.Orders.Remove(id)
            ? Success("Success: You have modified orders!")
            : Error("Warning: Order could not be found!");

    private static JsonObject OrderInfo(OpenCartCall c) =>
        long.TryParse(c.Query("order_id"), out var id) && c.Store.Orders.Get(id) is { } order
            ? new JsonObject { ["order"] = order }
            : Error("Warning: Order could not be found!");

    private static JsonObject OrderHistory(OpenCartCall c)
    {
        // 4.0's addHistory() reads order_id from POST; 3.0's api/order/history from the query.
        var orderId = c.Is40 ? PhpForm.Str(c.Post, "order_id") : c.Query("order_id");
        if (!long.TryParse(orderId, out var id) || c.Store.Orders.Get(id) is null) return Error("Warning: Order could not be found!");
        var status = long.TryParse(PhpForm.Str(c.Post, "order_status_id"), out var s) ? s : 0;
        c.Store.Orders.Update(id, o =>
        {
            o["order_status_id"] = status;
            var history = o["history"] as JsonArray ?? new JsonArray();
            history.Add(new JsonObject { ["order_status_id"] = status, ["comment"] = PhpForm.Str(c.Post, "comment"), ["notify"] = PhpForm.Str(c.Post, "notify") == "1" });
            o["history"] = history;
        });
        return Success("Success: You have modified orders!");
    }
}

/// <summary>One call as an operation sees it.</summary>
internal sealed record OpenCartCall(OpenCartEmulator Store, OpenCartSession Session, JsonObject Post, Microsoft.AspNetCore.Http.IQueryCollection QueryString, string Ip)
{
    public string Query(string name) => QueryString[name].ToString();

    /// <summary>The store runs 4.0 (api/sale/* routes), whose controllers differ from 3.0's where noted.</summary>
    public bool Is40 => new OpenCartApiVersion(Store.Version).Generation == "4.0";
}
