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

    /// <summary>Runs every step in order; stops at the first skip. Throws <see cref="TransformException"/> when a step fails.</summary>
    public TransformResult Apply(JsonObject entity, string entityKey)
    {
        var current = TransformResult.Keep(entity);
        foreach (var step in _steps)
        {
            try
            {
                current = step.Transformer?.Apply(current.Entity!) ?? throw step.ConfigError!;
            }
            catch (Exception e)
            {
                throw new TransformException(Route, step.Position, step.Kind, entityKey, e);
            }

            if (current.Skipped)
                return current;
        }

        // Without steps the entity is passed through; still hand out a copy so callers may change it freely.
        return _steps.Length == 0 ? TransformResult.Keep((JsonObject)entity.DeepClone()) : current;
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
