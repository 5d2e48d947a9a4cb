using System.Text.Json.Nodes;
using Switchboard.Configuration;

namespace Switchboard.Connectors;

/// <summary>One client setting a platform accepts: its dotted path, whether it must be there, whether it is a
/// credential, the values it may take, and whether a list of values is accepted as well as one value.</summary>
public sealed record ClientSetting(string Path, bool Required = false, bool Secret = false, IReadOnlyList<string>? OneOf = null, bool List = false);

/// <summary>A platform's client settings, declared once and checked the same way for every platform.</summary>
public sealed class ClientSettingsSchema(params ClientSetting[] settings)
{
    public IReadOnlyList<ClientSetting> Settings { get; } = settings;

    public IReadOnlyCollection<string> Secrets => Settings.Where(s => s.Secret).Select(s => s.Path).ToArray();

    public IEnumerable<SettingProblem> Validate(JsonObject values)
    {
        foreach (var problem in UnknownKeys(values, prefix: ""))
            yield return problem;
        foreach (var setting in Settings)
        {
            var node = JsonPaths.Find(values, setting.Path);
            if (node is null)
            {
                if (setting.Required) yield return new(setting.Path, "is required");
                continue;
            }
            if (setting.List && node is JsonArray list)
            {
                if (list.Any(item => item is not JsonValue))
                    yield return new(setting.Path, "must be a list of single values");
            }
            else if (node is not JsonValue)
                yield return new(setting.Path, setting.List ? "must be a single value or a list of values" : "must be a single value");
            else if (setting.OneOf is { } allowed && !allowed.Contains(node.ToString(), StringComparer.OrdinalIgnoreCase))
                yield return new(setting.Path, $"must be one of {string.Join(", ", allowed)}");
            else if (string.IsNullOrWhiteSpace(node.ToString()) && setting.Required)
                yield return new(setting.Path, "must not be empty");
        }
    }

    private IEnumerable<SettingProblem> UnknownKeys(JsonObject values, string prefix)
    {
        foreach (var (key, value) in values)
        {
            var path = prefix + key;
            var known = Settings.Any(s => s.Path == path || s.Path.StartsWith(path + ".", StringComparison.Ordinal));
            if (!known)
            {
                var siblings = Settings.Select(s => s.Path).Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(p => p[prefix.Length..].Split('.')[0]).Distinct();
                yield return new(path, $"unknown key '{key}'") { KnownKeys = siblings.ToArray() };
            }
            else if (value is JsonObject nested)
                foreach (var problem in UnknownKeys(nested, path + "."))
                    yield return problem;
        }
    }
}
