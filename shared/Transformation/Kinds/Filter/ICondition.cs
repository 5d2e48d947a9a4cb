namespace Switchboard.Transformation;

/// <summary>A test on an entity, for <c>filter</c> (and later other conditional transformers).</summary>
internal interface ICondition
{
    bool IsMet(ExpressionInput input);

    /// <summary>The condition as configured, for skip reasons.</summary>
    string Description { get; }
}
