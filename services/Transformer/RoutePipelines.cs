using Switchboard.Configuration;
using Switchboard.Transformation;

namespace Switchboard.Transformer;

/// <summary>Every route's transformers, compiled once at start-up.</summary>
public sealed class RoutePipelines(Integration integration, TransformerFactory factory)
{
    private readonly Dictionary<string, RoutePipeline> _pipelines = integration.Routes.Values
        .ToDictionary(r => r.Name, r => new RoutePipeline(r.Name, r.Transformers, factory));

    public RoutePipeline For(string route) => _pipelines[route];
}
