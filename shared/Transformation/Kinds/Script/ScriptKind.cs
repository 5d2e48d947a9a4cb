using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima;
using Jint;

namespace Switchboard.Transformation;

/// <summary><c>script: code</c> or <c>script: { code, timeout, memory }</c> — JavaScript (Jint) with <c>entity</c> in
/// scope, a copy it may change. It returns the new entity: an object (or nothing: the changed <c>entity</c>),
/// <c>null</c> to skip it, or a list of objects to split it as <c>branches</c> does. Sandboxed: no .NET access and no
/// I/O; <c>timeout</c> in milliseconds (default 1000), <c>memory</c> in megabytes (default 32), recursion 100 deep.</summary>
internal sealed class ScriptKind : ITransformerKind
{
    private static readonly string[] Keys = ["code", "timeout", "memory"];

    public string Name => "script";

    public ITransformer? Build(TransformerBuildContext context)
    {
        var (code, timeout, memory) = (JsonValues.Text(context.Arguments), 1000m, 32m);
        if (context.Arguments is JsonObject obj)
        {
            foreach (var (key, _) in obj)
                if (!Keys.Contains(key))
                    context.Problem($"script: unknown key '{key}'; expected {string.Join(", ", Keys)}");
            code = JsonValues.IsString(obj["code"]) ? obj["code"]!.GetValue<string>() : null;
            timeout = Positive(obj, "timeout", 1000m, 60_000m, context) ?? timeout;
            memory = Positive(obj, "memory", 32m, 1024m, context) ?? memory;
        }
        else if (!JsonValues.IsString(context.Arguments))
        {
            code = null;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            context.Problem($"script expects JavaScript code, or {{ code, timeout, memory }}, got {ArgumentText.Describe(context.Arguments is JsonObject o ? o["code"] : context.Arguments)}");
            return null;
        }

        // The user's code is parsed on its own first, so a syntax error is reported where the user wrote it: in the
        // wrapped code, an unclosed brace or string shows up on the wrapper's closing line, past the user's last line.
        if (SyntaxError(code, ScriptParsingOptions.Default with { Tolerant = false, AllowReturnOutsideFunction = true }) is { } own)
        {
            context.Problem(own);
            return null;
        }
        Prepared<Acornima.Ast.Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(ScriptTransformer.Wrap(code), options: new ScriptPreparationOptions
            {
                ParsingOptions = ScriptParsingOptions.Default with { Tolerant = false },
            });
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            // Code valid alone that breaks out of the wrapper (an extra closing brace, say).
            context.Problem($"script: not valid JavaScript: {parse.Description} (line {Math.Min(parse.LineNumber - ScriptTransformer.PreambleLines, code.Split('\n').Length)}, column {parse.Column + 1})");
            return null;
        }

        return context.Problems.Count > 0
            ? null
            : new ScriptTransformer(prepared, TimeSpan.FromMilliseconds((double)timeout), (long)(memory * 1024 * 1024), context.Label);
    }

    private static string? SyntaxError(string code, ScriptParsingOptions options)
    {
        try
        {
            Engine.PrepareScript(code, options: new ScriptPreparationOptions { ParsingOptions = options });
            return null;
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            return $"script: not valid JavaScript: {parse.Description} (line {parse.LineNumber}, column {parse.Column + 1})";
        }
    }

    private static decimal? Positive(JsonObject obj, string key, decimal fallback, decimal max, TransformerBuildContext context)
    {
        if (!obj.ContainsKey(key))
            return fallback;
        if (JsonValues.Decimal(obj[key]) is { } n && n > 0 && n <= max)
            return n;
        context.Problem($"script: '{key}' must be a number above 0 and at most {max}, got {ArgumentText.Describe(obj[key])}");
        return null;
    }
}
