using System.Text.Json.Nodes;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>The command that asks the target platform's connector to send one transformed entity.</summary>
public static class PublishCommand
{
    public static PublishEntity For(Guid runId, TaskRecord task, RouteConfig route, OutgoingConfig outgoing, JsonObject entity) => new()
    {
        RunId = runId,
        TaskId = task.TaskId,
        Route = route.Name,
        Outgoing = outgoing.Name,
        Client = outgoing.Client,
        Method = outgoing.Method,
        EntityKey = task.EntityKey,
        Document = entity,
        Request = EntityRequests.From(outgoing),
    };
}
