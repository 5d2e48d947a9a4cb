namespace Switchboard.Transformation;

/// <summary>A step of a route failed on one entity.</summary>
public sealed class TransformException(string route, int position, string kind, string entityKey, Exception cause)
    : Exception($"route {route}, transformer #{position + 1} ({kind}), entity {entityKey}: {cause.Message}", cause)
{
    public string Route { get; } = route;

    /// <summary>0-based position of the failing step in the route's list (the message shows it 1-based).</summary>
    public int Position { get; } = position;

    public string Kind { get; } = kind;

    public string EntityKey { get; } = entityKey;
}
