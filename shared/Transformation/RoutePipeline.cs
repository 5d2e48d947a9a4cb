using System.Text.Json.Nodes;
using Switchboard.Configuration;

namespace Switchboard.Transformation;

/// <summary>A route's transformers, compiled once and applied in order to each entity.</summary>
/// <remarks>A step whose configuration is invalid does not make the constructor throw: it fails each entity with a
/// <see cref="TransformException"/>, so the problem shows on every task of the route instead of stopping the service.
/// Hosts that prefer to fail fast check <see cref="Problems"/>.</remarks>
public sealed class RoutePipeline
{
    private readonly Step[] _steps;

    public RoutePipeline(string route, IReadOnlyList<TransformerConfig> steps, TransformerFactory factory)
    {
        Route = route;
        _steps = steps.Select((config, index) => Compile(config, index, factory)).ToArray();
        Problems = _steps
            .Where(s => s.ConfigError is not null)
            .Select(s => $"transformer #{s.Position + 1} ({s.Kind}): {s.ConfigError!.Message}")
            .ToArray();
    }

    public string Route { get; }

    /// <summary>Configuration mistakes of the route's steps, each naming the step; empty when all steps compiled.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Every entity that leaves the route for this one: one output, or one per branch when a
    /// <c>branches</c> step splits it. A failing step fails only the output it was working on.</summary>
    public IReadOnlyList<TransformOutput> Run(JsonObject entity, string entityKey)
    {
        var outputs = new List<TransformOutput>();
        RunFrom(0, entity, entityKey, entity, outputs);
        return outputs;
    }

    /// <summary>Runs every step in order; stops at the first skip. Throws <see cref="TransformException"/> when a step
    /// fails. For a route that splits entities (<c>branches</c>) the result holds the <see cref="TransformResult.Branches"/>,
    /// keyed in full; prefer <see cref="Run"/>, which also keeps the failure of one branch from failing the others.</summary>
    public TransformResult Apply(JsonObject entity, string entityKey)
    {
        var outputs = Run(entity, entityKey);
        if (outputs.FirstOrDefault(o => o.Failed) is { } failed)
            throw failed.Error!;
        if (outputs is [var only] && only.Key == entityKey)
            return only.Entity is not null ? TransformResult.Keep(only.Entity) : TransformResult.Skip(only.SkipReason!);
        return TransformResult.Split(outputs.Select(o => new TransformBranch(o.Key, o.Entity, o.SkipReason)).ToArray());
    }

    private void RunFrom(int start, JsonObject entity, string key, JsonObject original, List<TransformOutput> outputs)
    {
        var current = entity;
        for (var i = start; i < _steps.Length; i++)
        {
            var step = _steps[i];
            TransformResult result;
            try
            {
                result = step.Transformer?.Apply(current) ?? throw step.ConfigError!;
            }
            catch (Exception e)
            {
                outputs.Add(new TransformOutput(key, null, null, new TransformException(Route, step.Position, step.Kind, key, e)));
                return;
            }

            if (result.Branches is { } branches)
            {
                foreach (var branch in branches)
                {
                    var branchKey = branch.KeyUnder(key);
                    if (branch.Entity is null)
                        outputs.Add(new TransformOutput(branchKey, null, branch.SkipReason, null));
                    else
                        RunFrom(i + 1, branch.Entity, branchKey, original, outputs);
                }

                return;
            }

            if (result.Skipped)
            {
                outputs.Add(new TransformOutput(key, null, result.SkipReason, null));
                return;
            }

            current = result.Entity!;
        }

        // Without steps the entity is passed through; still hand out a copy so callers may change it freely.
        outputs.Add(new TransformOutput(key, ReferenceEquals(current, original) ? (JsonObject)current.DeepClone() : current, null, null));
    }

    private static Step Compile(TransformerConfig config, int index, TransformerFactory factory)
    {
        // The list index is authoritative (skip reasons quote it): a hand-built config may not carry its position.
        var positioned = config.Position == index ? config : config with { Position = index };
        try
        {
            return new Step(config.Kind, index, factory.Create(positioned), null);
        }
        catch (TransformerConfigException e)
        {
            return new Step(config.Kind, index, null, e);
        }
    }

    private sealed record Step(string Kind, int Position, ITransformer? Transformer, TransformerConfigException? ConfigError);
}
