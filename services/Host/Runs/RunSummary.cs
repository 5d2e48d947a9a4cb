using System.Text.Json.Serialization;

namespace Switchboard.Host.Runs;

/// <summary>Counts of one route, or of all routes together.</summary>
public sealed record TaskCounts(int Fetched, int Published, int Skipped, int Failed);

/// <summary>What <c>switchboard run</c> reports when every task of its runs has ended.</summary>
public sealed record RunSummary
{
    public required TaskCounts Totals { get; init; }
    public required IReadOnlyDictionary<string, TaskCounts> Routes { get; init; }
    /// <summary>Runs whose fetching failed, with the error.</summary>
    public IReadOnlyList<string> RunErrors { get; init; } = [];
    /// <summary>The first task errors, "route key: error".</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    public double Seconds { get; init; }

    [JsonIgnore]
    public bool Succeeded => Totals.Failed == 0 && RunErrors.Count == 0;
}
