using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Switchboard.Hosting;

namespace Switchboard.Transformer;

/// <summary>On the in-memory bus, a publish in flight lives only in this process: the tasks a stopped process left
/// open fail as interrupted (see <see cref="InterruptedWorkRecovery"/> for when). Not on RabbitMQ: there the messages
/// outlive the process and the answers still come.</summary>
public sealed class InterruptedTaskRecovery(IDbContextFactory<TransformerDbContext> contexts, ILogger<InterruptedTaskRecovery> logger)
    : IInterruptedWork
{
    public async Task FailOpenAsync(bool atStop, CancellationToken cancellationToken)
    {
        if (await InterruptedTasks.FailOpenAsync(contexts, cancellationToken) is not (> 0 and var failed)) return;
        if (atStop)
            logger.LogWarning("Stopped with {Count} tasks in flight; they are failed as interrupted (switchboard replay --failed sends them again)", failed);
        else
            logger.LogWarning("{Count} tasks were left in flight by a process that stopped without finishing; they are failed as interrupted (switchboard replay --failed sends them again)", failed);
    }
}
