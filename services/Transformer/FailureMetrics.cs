using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>Counts a failed publish as the task it ended: every recorded failure is a failed attempt, and only a
/// failure that leaves no retry pending is a failed entity — a task retried three times and then published is one
/// published entity and three failed attempts, not three failures.</summary>
public static class FailureMetrics
{
    /// <param name="status">What the failure made of the task; null when it was a repeated answer (nothing counted).</param>
    public static void Count(string route, TaskState? status)
    {
        if (status is null) return;
        SwitchboardMetrics.PublishAttemptFailed(route);
        if (status == TaskState.Failed) SwitchboardMetrics.EntityFailed(route);
    }
}
