namespace Switchboard.Sandbox;

/// <summary>The platform emulators, each a Kestrel server on its own loopback port.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private SandboxServer(BigCommerceEmulator bigCommerce, EcwidEmulator ecwid)
    {
        BigCommerce = bigCommerce;
        Ecwid = ecwid;
    }

    public BigCommerceEmulator BigCommerce { get; }

    public EcwidEmulator Ecwid { get; }

    public CommercetoolsEmulator Commercetools { get; } = new();

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bigCommerce = new BigCommerceEmulator(options.EnforceRateLimits);
        var ecwid = new EcwidEmulator(options.EnforceRateLimits);
        bigCommerce.Seed(options.SeedBigCommerceProducts);
        ecwid.Seed(options.SeedEcwidProducts);

        var server = new SandboxServer(bigCommerce, ecwid);
        server.Commercetools.Seed(options.SeedCommercetoolsProducts);
        try
        {
            await bigCommerce.StartAsync(options.Host, options.BigCommercePort, ct).ConfigureAwait(false);
            await ecwid.StartAsync(options.Host, options.EcwidPort, ct).ConfigureAwait(false);
            await server.Commercetools.StartAsync(options.Host, options.CommercetoolsPort, ct).ConfigureAwait(false);
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
        await Commercetools.StopAsync().ConfigureAwait(false);
    }
}
