using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Logging;
using Switchboard.Connectors.Errors;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Connectors.Messaging;

/// <summary>Fetches one page, publishes it, and sends the next page's fetch to this same queue — so a crash resumes
/// at the page it was on and replicas share a big run — or, after the last page, publishes the run's completion.
/// A run over several objects (<see cref="FetchEntities.NextObjectIds"/>) goes on with the next object's first page.</summary>
public sealed class FetchEntitiesConsumer<TPlatform>(ConnectorClients<TPlatform> clients, ILogger<FetchEntitiesConsumer<TPlatform>> logger)
    : IConsumer<FetchEntities> where TPlatform : PlatformConnector
{
    public async Task Consume(ConsumeContext<FetchEntities> context)
    {
        var message = context.Message;
        // Page numbers and counts are the run's: a run over several objects numbers its pages on across them.
        var pageNumber = message.PagesBefore + (message.Cursor?.PageNumber ?? 1);
        var before = message.EntitiesBefore + (message.Cursor?.EntitiesSoFar ?? 0);
        if (clients.Find(message.Client) is not { } client)
        {
            await Fail(context, pageNumber, before, PlatformError.NotSent(message.Incoming, clients.Missing(message.Client)));
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

        DateTimeOffset? latestChange;
        try
        {
            latestChange = message.ChangeField is { } field ? ChangeTimes.Newest(page.Entities, field, message.LatestChangeSoFar) : null;
        }
        catch (FormatException ex)
        {
            // Publishing the page anyway would let a watermark skip entities it cannot place in time.
            await Fail(context, pageNumber, before, new PlatformError { Messages = [ex.Message], Request = $"GET {message.Client} {message.Request.Entity} page {pageNumber}" });
            return;
        }
        var ids = message.CollectIdsFrom is { } idPath ? [.. message.IdsSoFar, .. IdsOf(page.Entities, idPath)] : message.IdsSoFar;

        SwitchboardMetrics.EntitiesFetched(message.Incoming, message.Client, page.Entities.Count);
        var isLastPage = page.Next is null && message.NextObjectIds.Count == 0;
        await context.Publish(new EntitiesFetched
        {
            RunId = message.RunId,
            Incoming = message.Incoming,
            Client = message.Client,
            PageNumber = message.PagesBefore + page.PageNumber,
            Entities = page.Entities,
            IsLastPage = isLastPage,
            Full = message.Full,
        });
        if (page.Next is { } next)
            await context.Send(context.ReceiveContext.InputAddress, message with { Cursor = next, LatestChangeSoFar = latestChange, IdsSoFar = ids });
        else if (message.NextObjectIds.Count > 0)
            await context.Send(context.ReceiveContext.InputAddress, message with
            {
                Request = message.Request with { ObjectId = message.NextObjectIds[0] },
                NextObjectIds = message.NextObjectIds.Skip(1).ToArray(),
                Cursor = null,
                PagesBefore = message.PagesBefore + page.PageNumber,
                EntitiesBefore = before + page.Entities.Count,
                LatestChangeSoFar = latestChange,
                IdsSoFar = ids,
            });
        else
            await context.Publish(new IncomingRunCompleted
            {
                RunId = message.RunId,
                Incoming = message.Incoming,
                Client = message.Client,
                Pages = message.PagesBefore + page.PageNumber,
                Entities = before + page.Entities.Count,
                LatestChange = latestChange,
                EntityIds = ids,
            });
    }

    private static IEnumerable<string> IdsOf(IEnumerable<JsonObject> entities, string path) =>
        entities.Select(e => JsonPaths.Find(e, path) switch
        {
            JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => "",
        }).Where(id => id.Length > 0);

    private static Task Fail(ConsumeContext<FetchEntities> context, int pageNumber, int entitiesBefore, PlatformError error) =>
        context.Publish(new IncomingRunCompleted
        {
            RunId = context.Message.RunId,
            Incoming = context.Message.Incoming,
            Client = context.Message.Client,
            Pages = pageNumber - 1,
            Entities = entitiesBefore,
            Error = error,
            LatestChange = context.Message.LatestChangeSoFar,
        });
}
