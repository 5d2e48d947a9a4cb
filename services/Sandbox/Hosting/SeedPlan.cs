namespace Switchboard.Sandbox;

/// <summary>How many of the other entities a product seed count brings along.</summary>
internal static class SeedPlan
{
    public static int Categories(int products) => products <= 0 ? 0 : Math.Clamp(products / 20, 3, 100);

    public static int Customers(int products) => products <= 0 ? 0 : Math.Max(1, products / 2);

    public static int Orders(int products) => products <= 0 ? 0 : Math.Max(1, products / 2);

    /// <summary>Deterministic per (ordinal, salt): the same seed always yields the same data.</summary>
    public static Random Rng(int ordinal, int salt) => new(unchecked(ordinal * 7919 + salt * 104729));

    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static decimal Money(Random rng, int min, int max) => Math.Round(min + (decimal)rng.NextDouble() * (max - min), 2);

    public static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pavel"];

    public static readonly string[] LastNames = ["Smith", "Garcia", "Müller", "Rossi", "Kowalski", "Tanaka", "Dubois", "Novak", "Silva", "Jensen", "Ivanova", "Brown"];

    public static readonly string[] Cities = ["Austin", "Berlin", "Lyon", "Porto", "Kraków", "Osaka", "Denver", "Leeds"];
}
