using Switchboard.Configuration;
using Switchboard.Sandbox;

namespace Switchboard.Host;

/// <summary>Fills the sandbox stores an integration reads from, as a real source store would be full and a real target
/// starts empty: the examples run against it as they are.</summary>
public static class SandboxSeeding
{
    /// <summary>The platforms the sandbox can seed.</summary>
    private static readonly string[] Seedable = ["bigcommerce", "ecwid", "cs-cart", "commercetools"];

    /// <summary>The seedable platforms of the clients the integration's incomings read, in the order first named.</summary>
    public static IReadOnlyList<string> SourcePlatforms(Integration integration) => integration.Incoming.Values
        .Select(i => integration.Clients.TryGetValue(i.Client, out var client) ? client.Platform : null)
        .OfType<string>().Where(Seedable.Contains).Distinct().ToArray();

    /// <summary>Seeds <paramref name="products"/> products (with their categories, customers and orders) in each store
    /// the integration reads; returns those platforms.</summary>
    public static IReadOnlyList<string> SeedSources(SandboxServer sandbox, Integration integration, int products)
    {
        var platforms = SourcePlatforms(integration);
        foreach (var platform in platforms) sandbox.Seed(platform, products);
        return platforms;
    }
}
