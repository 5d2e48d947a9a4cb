using Switchboard.Persistence;

namespace Switchboard.Scheduler;

internal sealed class SchedulerDesignTimeFactory() : StateDesignTimeFactory<SchedulerDbContext>(SchedulerModule.ServiceName);
