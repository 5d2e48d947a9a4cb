using Switchboard.Connector.OpenCart;
using Switchboard.Connectors.Messaging;
using Switchboard.Hosting;

return await ServiceRunner.RunAsync(args, new ConnectorModule<OpenCartPlatform>());
