using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>condition: [ { if, then }, { if, then }, …, { else } ]</c> — runs the steps of the first branch whose
/// condition is met (conditions as in <c>filter</c>), else those of <c>else</c>; with none, the entity passes unchanged.</summary>
internal sealed class ConditionKind : ITransformerKind
{
    public string Name => "condition";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonArray { Count: > 0 } items)
        {
            context.Problem($"condition expects a list of branches ({{ if, then }} …, then optionally {{ else }}), got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        var branches = new List<ConditionTransformer.Branch>();
        StepSequence? otherwise = null;
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"condition branch #{i + 1}";
            switch (items[i])
            {
                case JsonObject obj when obj.ContainsKey("else"):
                    if (obj.Count != 1)
                        context.Problem($"{where}: an else branch has only 'else', got {string.Join(", ", obj.Select(p => p.Key))}");
                    else if (i != items.Count - 1)
                        context.Problem($"{where}: else must be the last branch");
                    else
                        otherwise = context.Steps(obj["else"], "else");
                    break;
                case JsonObject obj when obj.ContainsKey("if"):
                    foreach (var (key, _) in obj)
                        if (key is not ("if" or "then"))
                            context.Problem($"{where}: unknown key '{key}'; expected if and then");
                    if (!obj.ContainsKey("then"))
                        context.Problem($"{where}: 'then' is missing: the steps to run when the condition is met");
                    var condition = ConditionParser.Parse(obj["if"], context, $"{where} if");
                    var steps = obj.ContainsKey("then") ? context.Steps(obj["then"], $"if #{i + 1} then") : null;
                    if (condition is not null && steps is not null)
                        branches.Add(new ConditionTransformer.Branch(condition, steps));
                    break;
                default:
                    context.Problem($"{where}: expected {{ if: condition, then: [steps] }} or {{ else: [steps] }}, got {ArgumentText.Describe(items[i])}");
                    break;
            }
        }

        return new ConditionTransformer(branches, otherwise);
    }
}

internal sealed class ConditionTransformer(IReadOnlyList<ConditionTransformer.Branch> branches, StepSequence? otherwise) : ITransformer
{
    public TransformResult Apply(JsonObject entity)
    {
        var input = new ExpressionInput(entity);
        foreach (var branch in branches)
        {
            if (branch.Condition.IsMet(input))
                return branch.Steps.Run(entity);
        }

        return otherwise?.Run(entity) ?? TransformResult.Keep((JsonObject)entity.DeepClone());
    }

    public sealed record Branch(ICondition Condition, StepSequence Steps);
}
