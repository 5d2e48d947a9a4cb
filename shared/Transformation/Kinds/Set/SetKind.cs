using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>set: { target.path: value, … }</c> — constants, strings with <c>{{path}}</c> placeholders, or
/// <c>{ value, mappers }</c>. A target with <c>*</c> (<c>items.*.enabled</c>) is set in every matching container.</summary>
internal sealed class SetKind : ITransformerKind
{
    public string Name => "set";

    public ITransformer? Build(TransformerBuildContext context)
    {
        if (context.Arguments is not JsonObject pairs)
        {
            context.Problem($"set expects an object of 'target: value' pairs, got {ArgumentText.Describe(context.Arguments)}");
            return null;
        }

        if (pairs.Count == 0)
            context.Problem("set has no 'target: value' pairs");

        var assignments = new List<SetTransformer.Assignment>();
        foreach (var (target, value) in pairs)
        {
            var writer = TargetWriter.Parse(target, context);
            var assigned = AssignedValue.Parse(value, context, $"set '{target}'");
            if (writer is not null && assigned is not null)
                assignments.Add(new SetTransformer.Assignment(writer, assigned));
        }

        return new SetTransformer(assignments);
    }
}
