using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;

namespace Switchboard.Connectors.Messaging;

/// <summary>Sends one entity to the target store and publishes what happened. Transient failures were already
/// retried by the client's pipeline; what reaches here is final for this attempt.</summary>
public sealed class PublishEntityConsumer<TPlatform>(ConnectorClients<TPlatform> clients, ILogger<PublishEntityConsumer<TPlatform>> logger)
    : IConsumer<PublishEntity> where TPlatform : PlatformConnector
{
    public async Task Consume(ConsumeContext<PublishEntity> context)
    {
        var message = context.Message;
        PlatformError error;
        if (clients.Find(message.Client) is { } client)
        {
            try
            {
                var result = await client.Platform.PublishAsync(client, message.Request, message.Method, message.Document, context.CancellationToken);
                await context.Publish(new EntityPublished
                {
                    RunId = message.RunId,
                    TaskId = message.TaskId,
                    Route = message.Route,
                    Outgoing = message.Outgoing,
                    StatusCode = result.StatusCode,
                    TargetId = result.TargetId,
                    Response = result.Response,
                });
                return;
            }
            catch (PlatformException ex)
            {
                error = ex.Error;
            }
        }
        else
            error = new PlatformError { Messages = [clients.Missing(message.Client)], Request = $"(not sent) {message.Outgoing}" };

        logger.LogWarning("Route {Route}: entity {Key} was not published: {Error}", message.Route, message.EntityKey, error);
        await context.Publish(new EntityPublishFailed
        {
            RunId = message.RunId,
            TaskId = message.TaskId,
            Route = message.Route,
            Outgoing = message.Outgoing,
            Error = error,
        });
    }
}
