using Switchboard.Hosting;
using Switchboard.Scheduler;

return await ServiceRunner.RunAsync(args, new SchedulerModule());
