using Switchboard.Contracts;

namespace Switchboard.Hosting;

/// <summary>Where commands go in this process's broker namespace (the queue prefix applied).</summary>
public sealed class QueueAddresses(SwitchboardOptions options)
{
    public Uri Fetch(string platform) => QueueNames.Address(options.QueuePrefix + QueueNames.Fetch(platform));
    public Uri Publish(string platform) => QueueNames.Address(options.QueuePrefix + QueueNames.Publish(platform));
    public Uri RunIncoming => QueueNames.Address(options.QueuePrefix + QueueNames.RunIncoming);
}
