namespace Switchboard.Sandbox;

/// <summary>The emulators, each a Kestrel server on its own loopback port.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private SandboxServer(BigCommerceEmulator bigCommerce, EcwidEmulator ecwid, CsCartEmulator csCart)
    {
        BigCommerce = bigCommerce;
        Ecwid = ecwid;
        CsCart = csCart;
    }

    public BigCommerceEmulator BigCommerce { get; }

    public EcwidEmulator Ecwid { get; }

    public CsCartEmulator CsCart { get; }

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bigCommerce = new BigCommerceEmulator(options.EnforceRateLimits);
        var ecwid = new EcwidEmulator(options.EnforceRateLimits);
        bigCommerce.Seed(options.SeedBigCommerceProducts);
        ecwid.Seed(options.SeedEcwidProducts);
        var csCart = new CsCartEmulator(options.EnforceRateLimits);
        csCart.Seed(options.SeedCsCartProducts);

        var server = new SandboxServer(bigCommerce, ecwid, csCart);
        try
        {
            await bigCommerce.StartAsync(options.Host, options.BigCommercePort, ct).ConfigureAwait(false);
            await ecwid.StartAsync(options.Host, options.EcwidPort, ct).ConfigureAwait(false);
            await csCart.StartAsync(options.Host, options.CsCartPort, ct).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await BigCommerce.StopAsync().ConfigureAwait(false);
        await Ecwid.StopAsync().ConfigureAwait(false);
        await CsCart.StopAsync().ConfigureAwait(false);
    }
}
