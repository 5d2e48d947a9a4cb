using System.Text.Json;
using Json.Schema;

namespace Switchboard.Deploy.Tests;

/// <summary>A Compose file checked against the Compose Specification schema (deploy/schemas/compose-spec.json).</summary>
public static class ComposeValidator
{
    // The file names draft-07 as https://json-schema.org/draft-07/schema; JsonSchema.Net knows it by its canonical id.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(
        File.ReadAllText(Repository.PathOf("deploy/schemas/compose-spec.json"))
            .Replace("\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\""),
        baseUri: new Uri("https://switchboard.invalid/compose-spec.json")));

    /// <summary>Every problem as "location: message"; empty when the file is valid.</summary>
    public static IReadOnlyList<string> Problems(string yaml)
    {
        JsonElement document;
        try
        {
            document = JsonSerializer.SerializeToElement(YamlJson.Parse(yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            return [$"YAML: {ex.Message}"];
        }
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
            .Distinct()
            .ToList();
    }
}
