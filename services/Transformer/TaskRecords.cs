using System.Text.Json.Nodes;
using Switchboard.Configuration;
using MassTransit;
using Switchboard.Contracts;

namespace Switchboard.Transformer;

/// <summary>New task and page records for a fetched page.</summary>
public static class TaskRecords
{
    public static TaskRecord New(EntitiesFetched page, RouteConfig route, string entityKey, DateTime now, JsonObject? source = null) => new()
    {
        TaskId = NewId.NextGuid(), RunId = page.RunId, Route = route.Name, Incoming = page.Incoming,
        PageNumber = page.PageNumber, EntityKey = entityKey, Status = TaskState.New, CreatedAt = now, UpdatedAt = now,
        Source = source?.ToJsonString(), AttemptsAllowed = route.Retry?.Attempts ?? 1,
    };

    public static RunPageRecord Page(EntitiesFetched page, DateTime now) => new()
    {
        RunId = page.RunId, PageNumber = page.PageNumber, Incoming = page.Incoming, Entities = page.Entities.Count, HandledAt = now,
    };
}
