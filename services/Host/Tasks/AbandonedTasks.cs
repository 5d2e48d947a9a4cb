using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Switchboard.Scheduler;
using Switchboard.Transformer;

namespace Switchboard.Host.Tasks;

/// <summary>Before <c>switchboard tasks</c> lists them: tasks a killed in-memory run left in flight, which nothing will
/// answer, are shown as what they are — failed as interrupted — not as in progress; and so is the run itself.</summary>
public static class AbandonedTasks
{
    public static async Task MarkInterruptedAsync(string stateDirectory, IDbContextFactory<TransformerDbContext> contexts, CancellationToken cancellationToken)
    {
        // A PostgreSQL database may be shared by processes elsewhere, which this folder's markers do not show.
        var connectionStrings = StateConnectionStrings.FromEnvironment();
        if (PostgresConnectionString.Of(connectionStrings, TransformerModule.ServiceName) is not null)
            return;
        List<IInterruptedWork> work = [new InterruptedTaskRecovery(contexts, NullLogger<InterruptedTaskRecovery>.Instance)];
        if (PostgresConnectionString.Of(connectionStrings, SchedulerModule.ServiceName) is null
            && File.Exists(Path.Combine(stateDirectory, $"{SchedulerModule.ServiceName}.db")))
        {
            var options = new DbContextOptionsBuilder<SchedulerDbContext>().UseStateDatabase(SchedulerModule.ServiceName, null, stateDirectory).Options;
            work.Add(new InterruptedRuns(new PooledDbContextFactory<SchedulerDbContext>(options), NullLogger<InterruptedRuns>.Instance));
        }
        try
        {
            await InterruptedWorkRecovery.RecoverAbandonedAsync(stateDirectory, work, own: null, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"tasks an earlier run left in flight are shown as saved (could not mark them interrupted: {ex.Message})");
        }
    }
}
