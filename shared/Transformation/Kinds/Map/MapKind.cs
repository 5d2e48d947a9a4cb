namespace Switchboard.Transformation;

/// <summary><c>map: { target.path: source, … }</c> — builds a new entity; a source is a path or JMESPath expression,
/// <c>{ from, mappers, default }</c>, or, with <c>$n</c> in the target, a path pattern (<c>skus.$1: items.*.sku</c>).</summary>
internal sealed class MapKind : ITransformerKind
{
    public string Name => "map";

    public ITransformer? Build(TransformerBuildContext context) =>
        Mapping.ParseAll(context, Name) is { } mappings ? new MapTransformer(mappings) : null;
}
