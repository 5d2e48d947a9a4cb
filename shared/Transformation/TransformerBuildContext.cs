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
}
