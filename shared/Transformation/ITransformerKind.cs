namespace Switchboard.Transformation;

/// <summary>One kind of transformer (<c>map</c>, <c>set</c>, …): builds steps of that kind from their arguments.</summary>
/// <remarks>Register extra kinds (for example ones that need services) through
/// <see cref="TransformerFactory(IEnumerable{ITransformerKind})"/>.</remarks>
public interface ITransformerKind
{
    /// <summary>The name written in configuration.</summary>
    string Name { get; }

    /// <summary>Compiles a step. Reports each mistake on <paramref name="context"/>; may return null when the
    /// arguments are unusable (a result is discarded whenever problems were reported).</summary>
    ITransformer? Build(TransformerBuildContext context);
}
