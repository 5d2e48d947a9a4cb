using System.Text.Json.Nodes;

namespace Switchboard.Transformation;

/// <summary>A nested list of steps (a <c>condition</c>'s branch), run in order like a route's, as one step.</summary>
internal sealed class StepSequence(IReadOnlyList<StepSequence.Step> steps)
{
    public TransformResult Run(JsonObject entity) => RunFrom(0, entity);

    private TransformResult RunFrom(int start, JsonObject entity)
    {
        var current = entity;
        for (var i = start; i < steps.Count; i++)
        {
            TransformResult result;
            try
            {
                result = steps[i].Transformer.Apply(current);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{steps[i].Label}: {e.Message}", e);
            }

            if (result.Branches is { } branches)
                return TransformResult.Split(branches.SelectMany(b => Continue(i + 1, b)).ToArray());
            if (result.Skipped)
                return result;
            current = result.Entity!;
        }

        return TransformResult.Keep(ReferenceEquals(current, entity) && start == 0 ? (JsonObject)current.DeepClone() : current);
    }

    private IEnumerable<TransformBranch> Continue(int next, TransformBranch branch)
    {
        if (branch.Entity is null)
            return [branch];
        var rest = RunFrom(next, branch.Entity);
        if (rest.Branches is { } inner)
            return inner.Select(b => b with { Key = b.KeyUnder(branch.Key) });
        return [new TransformBranch(branch.Key, rest.Entity, rest.SkipReason)];
    }

    public sealed record Step(string Label, ITransformer Transformer);
}
