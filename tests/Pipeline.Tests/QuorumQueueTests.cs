using System.Net;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>With <c>SWITCHBOARD_QUORUM_QUEUES=true</c> (as the compose file and the manifests set it) a service
/// declares its queues as quorum queues: the broker then refuses to redeclare one as a classic queue.</summary>
[Collection(nameof(PipelineCollection))]
public sealed class QuorumQueueTests
{
    [Fact]
    public async Task A_connector_told_to_use_quorum_queues_declares_its_fetch_queue_as_one()
    {
        var broker = await RabbitMqBroker.RequireAsync();
        var port = HealthEndpointTests.FreePort();
        var environment = HealthEndpointTests.Environment(broker, port);
        environment["SWITCHBOARD_QUORUM_QUEUES"] = "true";
        var queue = environment["SWITCHBOARD_QUEUE_PREFIX"] + "bigcommerce-fetch";
        await using var service = ServiceProcess.Start(HealthEndpointTests.Dll, [], environment);
        await HealthEndpointTests.PollAsync(port, "/health/ready", status => status == HttpStatusCode.OK, service);

        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclareAsync(queue, durable: true,
                exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" },
                cancellationToken: TestContext.Current.CancellationToken));
            Assert.Contains("x-queue-type", refused.Message);
            Assert.Contains("quorum", refused.Message);
        }
        finally
        {
            await service.StopAsync();
            await using var cleanup = await connection.CreateChannelAsync(cancellationToken: CancellationToken.None);
            await cleanup.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
            await cleanup.QueueDeleteAsync(environment["SWITCHBOARD_QUEUE_PREFIX"] + "bigcommerce-publish", ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
        }
    }
}
