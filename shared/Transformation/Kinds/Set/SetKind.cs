using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary><c>set: { target.path: value, … }</c> — constants, or strings with <c>{{path}}</c> placeholders.</summary>
/// <remarks>Placeholders are read in top-level string values only: strings inside object or list constants are
/// written as they are.</remarks>
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
            var targetPath = context.Target(target);
            var template = value is JsonValue text && text.GetValueKind() == JsonValueKind.String &&
                           StringTemplate.HasPlaceholders(text.GetValue<string>())
                ? StringTemplate.Compile(text.GetValue<string>(), context)
                : null;
            if (targetPath is not null)
                assignments.Add(new SetTransformer.Assignment(targetPath, template, value?.DeepClone()));
        }

        return new SetTransformer(assignments);
    }
}
