using MassTransit;

namespace Switchboard.Hosting;

/// <summary>The one message-level retry policy: a consumer that fails is tried again after 1, 5 and 15 seconds
/// (each try a fresh start: what the failed one sent is discarded), then its message becomes a fault.</summary>
public static class MessageRetry
{
    private static readonly TimeSpan[] Intervals = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    public static void Configure(IRetryConfigurator retry) => retry.Intervals(Intervals);

    /// <summary>True while a later try remains: a transient failure may then be left to it.</summary>
    public static bool MayRetry(ConsumeContext context) => context.GetRetryAttempt() < Intervals.Length;
}
