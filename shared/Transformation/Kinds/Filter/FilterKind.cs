namespace Switchboard.Transformation;

/// <summary><c>filter: &lt;condition&gt;</c> — keeps the entity only when the condition is met.</summary>
internal sealed class FilterKind : ITransformerKind
{
    public string Name => "filter";

    public ITransformer? Build(TransformerBuildContext context) =>
        ConditionParser.Parse(context.Arguments, context, Name) is { } condition
            ? new FilterTransformer(condition, $"filtered out by {context.Label}: {condition.Description}")
            : null;
}
