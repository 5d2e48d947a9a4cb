namespace Switchboard.Sandbox;

/// <summary>The emulators, each a Kestrel server on its own loopback port.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private SandboxServer(BigCommerceEmulator bigCommerce, EcwidEmulator ecwid, OpenCartEmulator openCart, CsCartEmulator csCart)
    {
        BigCommerce = bigCommerce;
        Ecwid = ecwid;
        OpenCart = openCart;
        CsCart = csCart;
    }

    public BigCommerceEmulator BigCommerce { get; }

    public EcwidEmulator Ecwid { get; }

    public OpenCartEmulator OpenCart { get; }

    public CommercetoolsEmulator Commercetools { get; } = new();

    public CsCartEmulator CsCart { get; }

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bigCommerce = new BigCommerceEmulator(options.EnforceRateLimits);
        var ecwid = new EcwidEmulator(options.EnforceRateLimits);
        var csCart = new CsCartEmulator(options.EnforceRateLimits);
        var server = new SandboxServer(bigCommerce, ecwid, new OpenCartEmulator(), csCart);
        server.Seed("bigcommerce", options.SeedBigCommerceProducts);
        server.Seed("ecwid", options.SeedEcwidProducts);
        server.Seed("cs-cart", options.SeedCsCartProducts);
        server.Seed("commercetools", options.SeedCommercetoolsProducts);
        var openCart = server.OpenCart;
        foreach (var emulator in new PlatformEmulator[] { bigCommerce, ecwid, openCart, server.Commercetools, csCart })
            emulator.ControlFromAnyClient = options.ControlFromAnyClient;
        try
        {
            await bigCommerce.StartAsync(options.Host, Port(options, options.BigCommercePort), ct).ConfigureAwait(false);
            await ecwid.StartAsync(options.Host, Port(options, options.EcwidPort), ct).ConfigureAwait(false);
            await openCart.StartAsync(options.Host, Port(options, options.OpenCartPort), ct).ConfigureAwait(false);
            await server.Commercetools.StartAsync(options.Host, Port(options, options.CommercetoolsPort), ct).ConfigureAwait(false);
            await csCart.StartAsync(options.Host, Port(options, options.CsCartPort), ct).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    /// <summary>Generates <paramref name="products"/> more products (and the categories, customers and orders they bring,
    /// see SeedPlan) in the store of <paramref name="platform"/> — <c>bigcommerce</c>, <c>ecwid</c>, <c>cs-cart</c> or
    /// <c>commercetools</c>, as integration files name them. OpenCart's API cannot create products, so the OpenCart
    /// store sells the Ecwid and commercetools products too, and the order examples have something to order.</summary>
    public void Seed(string platform, int products)
    {
        if (products <= 0) return;
        switch (platform)
        {
            case "bigcommerce":
                BigCommerce.Seed(products);
                break;
            case "ecwid":
                var before = Ecwid.Products.Count;
                Ecwid.Seed(products);
                SellEcwidProductsInOpenCart(Ecwid.Products.All.Skip(before));
                break;
            case "cs-cart":
                CsCart.Seed(products);
                break;
            case "commercetools":
                var known = Commercetools.Products.Count;
                Commercetools.Seed(products);
                SellCommercetoolsProductsInOpenCart(Commercetools.Products.All.Skip(known));
                break;
            default:
                throw new ArgumentException($"the sandbox seeds bigcommerce, ecwid, cs-cart and commercetools, not '{platform}'", nameof(platform));
        }
    }

    /// <summary>Under the same ids.</summary>
    private void SellEcwidProductsInOpenCart(IEnumerable<System.Text.Json.Nodes.JsonObject> products)
    {
        foreach (var product in products)
            OpenCart.AddProduct(new System.Text.Json.Nodes.JsonObject
            {
                ["product_id"] = product["id"]!.DeepClone(), ["name"] = product["name"]?.DeepClone(),
                ["model"] = product["sku"]?.DeepClone(), ["price"] = product["price"]?.DeepClone(),
            });
    }

    /// <summary>As product <see cref="CommercetoolsProductIdBase"/> + the number in their SKU (CT-000012 → 1000012).</summary>
    private void SellCommercetoolsProductsInOpenCart(IEnumerable<System.Text.Json.Nodes.JsonObject> products)
    {
        foreach (var product in products)
        {
            var variant = product["masterData"]?["current"]?["masterVariant"];
            if (variant?["sku"]?.ToString() is not { } sku || !sku.StartsWith(CommercetoolsSkuPrefix, StringComparison.Ordinal)
                || !long.TryParse(sku[CommercetoolsSkuPrefix.Length..], out var number)) continue;
            var cents = JsonHelpers.Long(variant["prices"]?[0]?["value"]?["centAmount"]) ?? 0;
            OpenCart.AddProduct(new System.Text.Json.Nodes.JsonObject
            {
                ["product_id"] = CommercetoolsProductIdBase + number, ["name"] = product["masterData"]!["current"]!["name"]?["en"]?.DeepClone(),
                ["model"] = sku, ["price"] = cents / 100m,
            });
        }
    }

    private const string CommercetoolsSkuPrefix = "CT-";

    /// <summary>The sandbox OpenCart store's id of the commercetools product whose SKU is CT-n: this plus n.</summary>
    public const long CommercetoolsProductIdBase = 1_000_000;

    private static int Port(SandboxOptions options, int fixedPort) => options.FreePorts ? 0 : fixedPort;

    public async ValueTask DisposeAsync()
    {
        await BigCommerce.StopAsync().ConfigureAwait(false);
        await Ecwid.StopAsync().ConfigureAwait(false);
        await OpenCart.StopAsync().ConfigureAwait(false);
        await Commercetools.StopAsync().ConfigureAwait(false);
        await CsCart.StopAsync().ConfigureAwait(false);
    }
}
