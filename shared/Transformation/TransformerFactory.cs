using Switchboard.Configuration;

namespace Switchboard.Transformation;

/// <summary>Builds transformer steps from configuration, by kind name; also validates steps for the configuration loader.</summary>
public sealed class TransformerFactory : ITransformerValidator, IExpressionValidator
{
    /// <summary>The kinds this library implements.</summary>
    public static IReadOnlyList<ITransformerKind> BuiltInKinds { get; } =
        [new MapKind(), new SetKind(), new RemoveKind(), new FilterKind()];

    private readonly Dictionary<string, ITransformerKind> _kinds;

    public TransformerFactory() : this(BuiltInKinds)
    {
    }

    /// <summary>A factory knowing exactly <paramref name="kinds"/>; a later kind of the same name replaces an earlier one.</summary>
    public TransformerFactory(IEnumerable<ITransformerKind> kinds)
    {
        _kinds = new Dictionary<string, ITransformerKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in kinds)
            _kinds[kind.Name] = kind;
    }

    public IEnumerable<string> KnownKinds => _kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>Compiles one step; throws <see cref="TransformerConfigException"/> naming every mistake.</summary>
    public ITransformer Create(TransformerConfig config)
    {
        var (transformer, problems) = Build(config);
        return problems.Count == 0 && transformer is not null
            ? transformer
            : throw new TransformerConfigException(problems);
    }

    public IEnumerable<string> Validate(TransformerConfig config) => Build(config).Problems;

    private (ITransformer? Transformer, IReadOnlyList<string> Problems) Build(TransformerConfig config)
    {
        if (!_kinds.TryGetValue(config.Kind, out var kind))
            return (null, [$"unknown transformer kind '{config.Kind}'; known kinds: {string.Join(", ", KnownKinds)}"]);

        var context = new TransformerBuildContext(config);
        var transformer = kind.Build(context);
        if (transformer is null && context.Problems.Count == 0)
            context.Problem($"{kind.Name}: arguments are not usable");
        return (context.Problems.Count == 0 ? transformer : null, context.Problems);
    }

    /// <summary>Why a JMESPath expression of the configuration (a route's <c>deleted.when</c>) is not valid; null when it is.</summary>
    public string? Problem(string expression) =>
        JsonPathExpression.TryParse(expression, out _, out var error) ? null : error;
}
