using System.Text.Json.Nodes;
using Switchboard.Configuration;

namespace Switchboard.Transformation;

/// <summary>What a kind needs to compile one step: its configuration, and a place to report every mistake found.</summary>
public sealed class TransformerBuildContext(TransformerConfig config)
{
    private readonly List<string> _problems = [];

    public TransformerConfig Config { get; } = config;

    public JsonNode? Arguments => Config.Arguments;

    /// <summary>1-based position of the step, as humans count.</summary>
    public int Number => Config.Position + 1;

    /// <summary>How skip reasons name the step: <c>transformer #3</c>, or for a step inside another
    /// <c>transformer #3, if #1 then step #2</c>.</summary>
    public string Label { get; init; } = $"transformer #{config.Position + 1}";

    /// <summary>The key-mapping store, for <c>lookup</c>.</summary>
    public IKeyMappings KeyMappings { get; init; } = NoKeyMappings.Instance;

    /// <summary>Builds the steps of nested lists (<c>condition</c>); null outside a factory.</summary>
    internal TransformerFactory? Factory { get; init; }

    public IReadOnlyList<string> Problems => _problems;

    public void Problem(string message) => _problems.Add(message);

    /// <summary>Compiles a source expression, or reports why it is not valid and returns null.</summary>
    public JsonPathExpression? Expression(string text)
    {
        if (JsonPathExpression.TryParse(text, out var expression, out var error))
            return expression;
        Problem(error);
        return null;
    }

    /// <summary>Parses a dotted target path, or reports why it is not valid and returns null.</summary>
    public TargetPath? Target(string text)
    {
        if (TargetPath.TryParse(text, out var path, out var error))
            return path;
        Problem(error);
        return null;
    }

    /// <summary>Compiles a nested list of steps (<paramref name="where"/> names it: <c>if #1 then</c>); reports each
    /// mistake as "<paramref name="where"/> step #n (kind): …" and returns null when there is one.</summary>
    internal StepSequence? Steps(JsonNode? list, string where)
    {
        if (list is not JsonArray items)
        {
            Problem($"{where}: expected a list of transformer steps, got {ArgumentText.Describe(list)}");
            return null;
        }

        var factory = Factory ?? new TransformerFactory();
        var steps = new List<StepSequence.Step>();
        var valid = true;
        for (var i = 0; i < items.Count; i++)
        {
            var stepWhere = $"{where} step #{i + 1}";
            if (items[i] is not JsonObject { Count: 1 } one)
            {
                Problem($"{stepWhere}: a transformer step is a mapping with one key, its kind (e.g. 'map:'), got {ArgumentText.Describe(items[i])}");
                valid = false;
                continue;
            }

            var (kind, arguments) = one.First();
            var nested = new TransformerConfig(kind, arguments?.DeepClone(), $"{Config.Key}.{where}[{i}]", i, Config.Location);
            var (transformer, problems) = factory.Build(nested, $"{Label}, {stepWhere}");
            foreach (var problem in problems)
                Problem($"{stepWhere} ({kind}): {problem}");
            valid &= problems.Count == 0;
            if (transformer is not null)
                steps.Add(new StepSequence.Step($"{stepWhere} ({kind})", transformer));
        }

        return valid ? new StepSequence(steps) : null;
    }
}
