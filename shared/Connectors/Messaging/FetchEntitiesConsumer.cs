using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Connectors.Messaging;

/// <summary>Fetches one page, publishes it, and sends the next page's fetch to this same queue — so a crash resumes
/// at the page it was on and replicas share a big run — or, after the last page, publishes the run's completion.</summary>
public sealed class FetchEntitiesConsumer<TPlatform>(ConnectorClients<TPlatform> clients, ILogger<FetchEntitiesConsumer<TPlatform>> logger)
    : IConsumer<FetchEntities> where TPlatform : PlatformConnector
{
    public async Task Consume(ConsumeContext<FetchEntities> context)
    {
        var message = context.Message;
        var pageNumber = message.Cursor?.PageNumber ?? 1;
        var before = message.Cursor?.EntitiesSoFar ?? 0;
        if (clients.Find(message.Client) is not { } client)
        {
            await Fail(context, pageNumber, before, new PlatformError { Messages = [clients.Missing(message.Client)], Request = $"(not sent) {message.Incoming}" });
            return;
        }
        FetchedPage page;
        try
        {
            page = await client.FetchAsync(message.Request, message.Cursor, context.CancellationToken);
        }
        catch (PlatformException ex) when (ex.Transient && MessageRetry.MayRetry(context))
        {
            logger.LogInformation("Run {RunId} of {Incoming}, page {Page}: {Error}; trying again", message.RunId, message.Incoming, pageNumber, ex.Error);
            throw;
        }
        catch (PlatformException ex)
        {
            logger.LogWarning("Run {RunId} of {Incoming} stopped at page {Page}: {Error}", message.RunId, message.Incoming, pageNumber, ex.Error);
            await Fail(context, pageNumber, before, ex.Error);
            return;
        }

        SwitchboardMetrics.EntitiesFetched(message.Incoming, message.Client, page.Entities.Count);
        await context.Publish(new EntitiesFetched
        {
            RunId = message.RunId,
            Incoming = message.Incoming,
            Client = message.Client,
            PageNumber = page.PageNumber,
            Entities = page.Entities,
            IsLastPage = page.Next is null,
        });
        if (page.Next is { } next)
            await context.Send(context.ReceiveContext.InputAddress, message with { Cursor = next });
        else
            await context.Publish(new IncomingRunCompleted
            {
                RunId = message.RunId,
                Incoming = message.Incoming,
                Pages = page.PageNumber,
                Entities = before + page.Entities.Count,
            });
    }

    private static Task Fail(ConsumeContext<FetchEntities> context, int pageNumber, int entitiesBefore, PlatformError error) =>
        context.Publish(new IncomingRunCompleted
        {
            RunId = context.Message.RunId,
            Incoming = context.Message.Incoming,
            Pages = pageNumber - 1,
            Entities = entitiesBefore,
            Error = error,
        });
}
