using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using DevLab.JmesPath;
using DevLab.JmesPath.Expressions;

namespace Switchboard.Transformation;

/// <summary>A compiled source expression: a plain path (<c>a.b</c>, <c>items[0].sku</c>) resolved directly on the
/// JSON nodes, or any other JMESPath expression evaluated by JMESPath.Net.</summary>
public sealed class JsonPathExpression
{
    // Parsing happens only while steps are compiled; the lock keeps the shared parser safe across threads.
    private static readonly JmesPath Parser = new();
    private static readonly Lock ParserLock = new();

    private readonly PlainPath? _plainPath;
    private readonly JmesPathExpression? _jmesPath;

    private JsonPathExpression(string text, PlainPath? plainPath, JmesPathExpression? jmesPath)
    {
        Text = text;
        _plainPath = plainPath;
        _jmesPath = jmesPath;
    }

    public string Text { get; }

    /// <summary>True when the expression is resolved without JMESPath (and without converting the entity).</summary>
    public bool IsPlainPath => _plainPath is not null;

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="FormatException"/> saying why it is not valid.</summary>
    public static JsonPathExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out JsonPathExpression? expression,
        [NotNullWhen(false)] out string? error)
    {
        expression = null;
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "expression is empty";
            return false;
        }

        if (PlainPath.TryParse(trimmed, out var plainPath))
        {
            expression = new JsonPathExpression(trimmed, plainPath, null);
            return true;
        }

        try
        {
            JmesPathExpression compiled;
            lock (ParserLock)
                compiled = Parser.Parse(trimmed);
            expression = new JsonPathExpression(trimmed, null, compiled);
            return true;
        }
        catch (Exception e)
        {
            error = $"expression '{trimmed}' is not valid JMESPath: {e.Message}";
            return false;
        }
    }

    /// <summary>The value at the expression, or null when missing or JSON null. A plain path returns a node of the
    /// input itself: clone it before attaching it to another document. Throws <see cref="InvalidOperationException"/>
    /// when JMESPath fails (for example a function given the wrong type).</summary>
    public JsonNode? Evaluate(ExpressionInput input)
    {
        if (_plainPath is not null)
            return _plainPath.Resolve(input.Document);

        try
        {
            return JTokenConversion.ToJsonNode(_jmesPath!.Transform(input.Token).AsJToken());
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"expression '{Text}' failed: {e.Message}", e);
        }
    }

    /// <summary>Like <see cref="Evaluate(ExpressionInput)"/>, but the result never belongs to the input, so it can be
    /// attached to another document (JMESPath results are new already; only plain-path results are copied).</summary>
    public JsonNode? EvaluateDetached(ExpressionInput input) =>
        _plainPath is not null ? Evaluate(input)?.DeepClone() : Evaluate(input);

    /// <summary>Evaluates on one document; use <see cref="Evaluate(ExpressionInput)"/> to share its conversion
    /// between several expressions.</summary>
    public JsonNode? Evaluate(JsonNode? document) => Evaluate(new ExpressionInput(document));

    public override string ToString() => Text;
}
