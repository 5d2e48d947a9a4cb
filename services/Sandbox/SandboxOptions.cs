namespace Switchboard.Sandbox;

/// <summary>How the sandbox listens and what it starts with.</summary>
public sealed class SandboxOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int BigCommercePort { get; set; } = 38101;

    /// <summary>0 picks a free port (tests).</summary>
    public int EcwidPort { get; set; } = 38102;

    /// <summary>0 picks a free port (tests).</summary>
    public int CsCartPort { get; set; } = 38103;

    /// <summary>0 picks a free port (tests).</summary>
    public int OpenCartPort { get; set; } = 38104;

    /// <summary>commercetools API and its token endpoint (<c>/oauth/token</c>) on one port; 0 picks a free port (tests).</summary>
    public int CommercetoolsPort { get; set; } = 38105;

    /// <summary>Every emulator on a free port instead of its fixed one, so tests can run side by side. On by default
    /// when <c>SWITCHBOARD_SANDBOX_PORTS=free</c>, so tests can run <c>switchboard sandbox</c> and <c>demo</c> side by side too.</summary>
    public bool FreePorts { get; set; } = Environment.GetEnvironmentVariable("SWITCHBOARD_SANDBOX_PORTS") == "free";

    /// <summary>The highest port <see cref="PlaceFrom"/> takes as its first.</summary>
    public const int HighestPortBase = 65535 - 4;

    /// <summary>The five emulators on <paramref name="first"/> and the four ports after it, in the order of the fixed
    /// ports (38101…38105): BigCommerce, Ecwid, CS-Cart, OpenCart, commercetools.</summary>
    public void PlaceFrom(int first)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, HighestPortBase);
        FreePorts = false;
        BigCommercePort = first;
        EcwidPort = first + 1;
        CsCartPort = first + 2;
        OpenCartPort = first + 3;
        CommercetoolsPort = first + 4;
    }

    /// <summary>Products to generate; categories, customers and orders are derived from it (see SeedPlan).</summary>
    public int SeedBigCommerceProducts { get; set; }

    public int SeedEcwidProducts { get; set; }

    public int SeedCommercetoolsProducts { get; set; }

    public int SeedCsCartProducts { get; set; }

    /// <summary>Lets clients on other addresses use <c>/_sandbox/faults</c> and <c>/_sandbox/requests</c>: for a sandbox
    /// in a container, whose host's requests do not come from loopback. Off by default.</summary>
    public bool ControlFromAnyClient { get; set; }

    /// <summary>Platform quotas: BigCommerce 150 per 30 s window, Ecwid 600 per minute per token.</summary>
    public bool EnforceRateLimits { get; set; } = true;
}
