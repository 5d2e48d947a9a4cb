namespace Switchboard.Sandbox;

/// <summary>A postal address whose city, region and country belong together, so that an order placed elsewhere with it
/// (OpenCart's country and zone ids, say) is one a merchant would ship.</summary>
internal sealed record SeedAddress(string City, string CountryCode, string CountryName, string StateCode, string StateName, string PostalCode);

internal static class SeedAddresses
{
    // Regions the sandbox's OpenCart store knows (OpenCartSeedData.Countries), so Ecwid orders to OpenCart map them all.
    public static readonly SeedAddress[] All =
    [
        new("New York", "US", "United States", "NY", "New York", "10001"),
        new("Los Angeles", "US", "United States", "CA", "California", "90012"),
        new("Buffalo", "US", "United States", "NY", "New York", "14202"),
        new("San Diego", "US", "United States", "CA", "California", "92101"),
        new("Berlin", "DE", "Germany", "BE", "Berlin", "10115"),
        new("Munich", "DE", "Germany", "BY", "Bavaria", "80331"),
    ];
}
