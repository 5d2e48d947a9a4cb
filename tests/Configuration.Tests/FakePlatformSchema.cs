using System.Text.Json.Nodes;

namespace Switchboard.Configuration.Tests;

/// <summary>A platform schema with fixed settings and a small catalog, standing in for a connector's.</summary>
internal sealed class FakePlatformSchema(
    string name,
    string[] requiredSettings,
    string[] optionalSettings,
    string[] secretSettings,
    params EntitySchema[] entities) : IPlatformSchema
{
    public string Name => name;

    public SinceFormat DefaultSinceFormat { get; init; } = SinceFormat.Iso8601;

    public IReadOnlyCollection<string> SecretSettings => secretSettings;

    public IEnumerable<string> EntityNames => entities.Select(e => e.Name);

    public EntitySchema? FindEntity(string entity) => entities.FirstOrDefault(e => e.Name == entity);

    /// <summary>Entities a client cannot use, as a platform whose API versions differ says so (null: all usable).</summary>
    public Func<ClientConfig, string, string?>? UnavailableWhen { get; init; }

    public string? Unavailable(ClientConfig client, string entity) => UnavailableWhen?.Invoke(client, entity);

    public IEnumerable<SettingProblem> ValidateClientSettings(JsonObject settings)
    {
        var written = LeafPaths(settings, "").ToList();
        foreach (var path in requiredSettings.Where(p => !written.Contains(p)))
            yield return new SettingProblem(path, $"'{path}' is required");
        foreach (var path in written.Where(p => !requiredSettings.Contains(p) && !optionalSettings.Contains(p)))
            yield return new SettingProblem(path, $"unknown {name} setting '{path}'");
    }

    private static IEnumerable<string> LeafPaths(JsonObject settings, string prefix) =>
        settings.SelectMany(property => property.Value is JsonObject child
            ? LeafPaths(child, $"{prefix}{property.Key}.")
            : [$"{prefix}{property.Key}"]);
}

internal static class FakePlatforms
{
    private static readonly string[] Crud = ["GET", "POST", "PUT", "DELETE"];

    public static readonly PlatformSchemas All = new(
    [
        new FakePlatformSchema(
            "bigcommerce",
            requiredSettings: ["accessToken"],
            optionalSettings: [],
            secretSettings: ["accessToken"],
            Entity("catalog/products", Crud, ("variants", Crud)),
            Entity("catalog/categories", Crud),
            Entity("orders", ["GET", "POST", "PUT"])),
        new FakePlatformSchema(
            "ecwid",
            requiredSettings: ["storeId", "auth.accessToken"],
            optionalSettings: ["auth.type"],
            secretSettings: ["auth.accessToken"],
            Entity("products", Crud) with { PathPlaceholders = new HashSet<string> { "storeId" } },
            Entity("orders", Crud)) { DefaultSinceFormat = SinceFormat.Unix },
    ]);

    private static EntitySchema Entity(string name, string[] methods, params (string Name, string[] Methods)[] nested) =>
        new(
            name,
            methods.ToHashSet(),
            nested.ToDictionary(n => n.Name, n => (IReadOnlySet<string>)n.Methods.ToHashSet()));
}
