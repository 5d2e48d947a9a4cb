using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Connectors.Messaging;

/// <summary>Sends one entity to the target store and publishes what happened. A transient failure that outlasted
/// the client's own retries is left to the message retry while tries remain; anything else is final.</summary>
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
                    Client = message.Client,
                    StatusCode = result.StatusCode,
                    TargetId = result.TargetId,
                    Response = result.Response,
                    Request = result.Request,
                    ResponseSummary = client.Redactor.Redact(ResponseSummary.Of(result.StatusCode, result.Response)),
                });
                return;
            }
            catch (PlatformException ex) when (ex.Transient && MessageRetry.MayRetry(context))
            {
                logger.LogInformation("Route {Route}: entity {Key}: {Error}; trying again", message.Route, message.EntityKey, ex.Error);
                throw;
            }
            catch (PlatformException ex)
            {
                error = ex.Error;
            }
        }
        else
            error = PlatformError.NotSent(message.Outgoing, clients.Missing(message.Client));

        logger.LogWarning("Route {Route}: entity {Key} was not published: {Error}", message.Route, message.EntityKey, error);
        await context.Publish(new EntityPublishFailed
        {
            RunId = message.RunId,
            TaskId = message.TaskId,
            Route = message.Route,
            Outgoing = message.Outgoing,
            Client = message.Client,
            Error = error,
        });
    }
}
