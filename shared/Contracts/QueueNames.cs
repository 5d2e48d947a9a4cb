namespace Switchboard.Contracts;

/// <summary>The queues commands are sent to; one pair per platform, one for the Scheduler.</summary>
public static class QueueNames
{
    public static string Fetch(string platform) => $"{platform}-fetch";
    public static string Publish(string platform) => $"{platform}-publish";
    public const string RunIncoming = "scheduler-run-incoming";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
