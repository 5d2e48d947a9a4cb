using MassTransit;
using Microsoft.EntityFrameworkCore;
using Switchboard.Configuration;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Scheduler;

/// <summary>Starts the runs of the incomings that follow a parent (<c>parent:</c>): after a completed parent run, one
/// run per child that fetches the child's nested entity under each entity the parent run fetched — the changed
/// parents only, when the parent is incremental.</summary>
public sealed class ChildRuns(Integration integration, QueueAddresses queues, IncomingRequests requests)
{
    /// <summary>Adds each child's run to <paramref name="db"/> (a child with no parent entities completes at once) and
    /// returns the first fetches to send once it is saved. A redelivered completion finds its child runs: those still
    /// running get their first fetch again (pages are routed once per run and page), the ended ones nothing.</summary>
    public async Task<IReadOnlyList<(string Platform, FetchEntities Fetch)>> StartAsync(
        SchedulerDbContext db, RunRecord parent, IReadOnlyList<string> parentIds, CancellationToken cancellationToken)
    {
        var fetches = new List<(string, FetchEntities)>();
        foreach (var child in integration.ChildrenOf(parent.Incoming))
        {
            var run = await db.Runs.FirstOrDefaultAsync(r => r.ParentRunId == parent.RunId && r.Incoming == child.Name, cancellationToken);
            if (run is { Status: not RunStatus.Running })
                continue;
            if (run is null)
                db.Runs.Add(run = new RunRecord
                {
                    RunId = Guid.NewGuid(), Incoming = child.Name, Trigger = $"parent run {parent.RunId}", ParentRunId = parent.RunId,
                    StartedAt = DateTime.UtcNow, Full = parent.Full,
                });
            var ids = parentIds.Distinct(StringComparer.Ordinal).ToArray();
            if (ids.Length == 0)
            {
                run.Status = RunStatus.Completed;
                run.CompletedAt = DateTime.UtcNow;
                continue;
            }
            EntityRequest request;
            try
            {
                request = requests.For(child, run.RunId, run.StartedAt, since: null);
            }
            catch (RequestTransformException ex)
            {
                run.Status = RunStatus.Failed;
                run.CompletedAt = DateTime.UtcNow;
                run.Error = ex.Message;
                continue;
            }
            fetches.Add((integration.Clients[child.Client].Platform, new FetchEntities
            {
                RunId = run.RunId,
                Incoming = child.Name,
                Client = child.Client,
                Request = request with { ObjectId = ids[0] },
                NextObjectIds = ids[1..],
                ChangeField = child.Incremental?.Field,
                CollectIdsFrom = integration.ChildrenOf(child.Name).Select(c => c.ParentKey).FirstOrDefault(),
                Full = run.Full,
            }));
        }
        return fetches;
    }

    public async Task SendAsync(ConsumeContext context, IReadOnlyList<(string Platform, FetchEntities Fetch)> fetches)
    {
        foreach (var (platform, fetch) in fetches)
        {
            var endpoint = await context.GetSendEndpoint(queues.Fetch(platform));
            await endpoint.Send(fetch, context.CancellationToken);
        }
    }
}
