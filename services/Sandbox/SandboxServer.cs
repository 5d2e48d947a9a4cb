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
        bigCommerce.Seed(options.SeedBigCommerceProducts);
        ecwid.Seed(options.SeedEcwidProducts);
        var openCart = new OpenCartEmulator();
        // OpenCart's API cannot create products: the sandbox store also sells Ecwid's, under the same ids, so the
        // Ecwid → OpenCart example has something to order.
        foreach (var product in ecwid.Products.All)
            openCart.AddProduct(new System.Text.Json.Nodes.JsonObject
            {
                ["product_id"] = product["id"]!.DeepClone(), ["name"] = product["name"]?.DeepClone(),
                ["model"] = product["sku"]?.DeepClone(), ["price"] = product["price"]?.DeepClone(),
            });
        var csCart = new CsCartEmulator(options.EnforceRateLimits);
        csCart.Seed(options.SeedCsCartProducts);

        var server = new SandboxServer(bigCommerce, ecwid, openCart, csCart);
        server.Commercetools.Seed(options.SeedCommercetoolsProducts);
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
