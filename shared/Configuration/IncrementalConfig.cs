namespace Switchboard.Configuration;

/// <summary>An incoming's change cursor: which field of its entities tells when each last changed, and how the
/// next run asks the platform for what changed since then.</summary>
public sealed record IncrementalConfig
{
    /// <summary>Path of the entity's change time (ISO-8601, RFC 2822 or UNIX seconds), e.g. <c>date_modified</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Query parameter set to the run's <c>since</c>; null when only request transformers use it
    /// (<c>{{run.since}}</c>).</summary>
    public string? Param { get; init; }

    /// <summary>Subtracted from the watermark: changes committed while the previous run was in flight, with a time
    /// before the newest change that run saw, are fetched by the next run.</summary>
    public TimeSpan Lookback { get; init; }

    /// <summary>How <c>since</c> is written into <see cref="Param"/>; the platform's own default when not given.</summary>
    public required SinceFormat Format { get; init; }
}
