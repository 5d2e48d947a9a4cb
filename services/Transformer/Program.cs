using Switchboard.Hosting;
using Switchboard.Transformer;

return await ServiceRunner.RunAsync(args, new TransformerModule());
