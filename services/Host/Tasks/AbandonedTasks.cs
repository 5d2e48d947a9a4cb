using Microsoft.EntityFrameworkCore;
using Switchboard.Hosting;
using Switchboard.Persistence;
using Switchboard.Transformer;

namespace Switchboard.Host.Tasks;

/// <summary>Before <c>switchboard tasks</c> lists them: tasks a killed in-memory run left in flight, which nothing will
/// answer, are shown as what they are — failed as interrupted — not as in progress.</summary>
public static class AbandonedTasks
{
    public static async Task MarkInterruptedAsync(string stateDirectory, IDbContextFactory<TransformerDbContext> contexts, CancellationToken cancellationToken)
    {
        // A PostgreSQL database may be shared by processes elsewhere, which this folder's markers do not show.
        if (PostgresConnectionString.Of(StateConnectionStrings.FromEnvironment(), TransformerModule.ServiceName) is not null)
            return;
        try
        {
            await InterruptedTasks.RecoverAbandonedAsync(stateDirectory, contexts, own: null, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"tasks an earlier run left in flight are shown as saved (could not mark them interrupted: {ex.Message})");
        }
    }
}
