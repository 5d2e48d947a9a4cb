using MassTransit;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Connectors.Messaging;

/// <summary>A platform's fetch queue. Pages of one run follow each other; several runs fetch side by side.</summary>
public sealed class FetchEntitiesConsumerDefinition<TPlatform> : ConsumerDefinition<FetchEntitiesConsumer<TPlatform>>
    where TPlatform : PlatformConnector
{
    public FetchEntitiesConsumerDefinition(TPlatform platform, SwitchboardOptions options)
    {
        EndpointName = options.QueuePrefix + QueueNames.Fetch(platform.Name);
        ConcurrentMessageLimit = 4;
    }
}

/// <summary>A platform's publish queue: entities go out in parallel, paced by each client's rate limit.</summary>
public sealed class PublishEntityConsumerDefinition<TPlatform> : ConsumerDefinition<PublishEntityConsumer<TPlatform>>
    where TPlatform : PlatformConnector
{
    public PublishEntityConsumerDefinition(TPlatform platform, SwitchboardOptions options)
    {
        EndpointName = options.QueuePrefix + QueueNames.Publish(platform.Name);
        ConcurrentMessageLimit = 16;
    }
}
