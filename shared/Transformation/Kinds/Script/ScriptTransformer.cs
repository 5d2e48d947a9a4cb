using System.Text.Json.Nodes;
using Jint;
using Jint.Runtime;

namespace Switchboard.Transformation;

/// <summary>Runs a prepared script on a fresh engine per entity, so no state leaks from one entity to the next.</summary>
internal sealed class ScriptTransformer(Prepared<Acornima.Ast.Script> script, TimeSpan timeout, long memoryBytes, string label) : ITransformer
{
    public const int PreambleLines = 1;

    // The entity goes in and out as JSON text: the script never sees a .NET object.
    public static string Wrap(string code) =>
        "function __transform(__input) { var entity = JSON.parse(__input); var __result = (function (entity) {\n" +
        code +
        "\n}).call(undefined, entity); if (__result === undefined) __result = entity; return __result === null ? null : JSON.stringify(__result); }";

    public TransformResult Apply(JsonObject entity)
    {
        var engine = new Engine(options => options
            .TimeoutInterval(timeout)
            .LimitMemory(memoryBytes)
            .LimitRecursion(100)
            .Strict());
        string? output;
        try
        {
            engine.Execute(script);
            var result = engine.Invoke("__transform", entity.ToJsonString());
            output = result.IsNull() || result.IsUndefined() ? null : result.AsString();
        }
        catch (JavaScriptException e)
        {
            throw new InvalidOperationException($"script error: {e.Message} (line {e.Location.Start.Line - PreambleLines})", e);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"script ran longer than {timeout.TotalMilliseconds} ms", e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new InvalidOperationException($"script used more than {memoryBytes / 1024 / 1024} MB of memory", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new InvalidOperationException("script recursed more than 100 calls deep", e);
        }
        catch (JintException e)
        {
            throw new InvalidOperationException($"script failed: {e.Message}", e);
        }

        return output is null ? TransformResult.Skip($"skipped by {label}: the script returned null") : Result(JsonNode.Parse(output));
    }

    private static TransformResult Result(JsonNode? value) => value switch
    {
        JsonObject obj => TransformResult.Keep(obj),
        JsonArray list when list.All(i => i is JsonObject) && list.Count > 0 =>
            TransformResult.Split(list.Select((item, i) => new TransformBranch($"#{i + 1}", (JsonObject)item!.DeepClone())).ToArray()),
        _ => throw new InvalidOperationException(
            $"the script must return an object, a non-empty list of objects, null (skip) or nothing; it returned {JsonValues.Describe(value)}"),
    };
}
