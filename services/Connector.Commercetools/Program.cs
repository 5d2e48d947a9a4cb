using Switchboard.Connector.Commercetools;
using Switchboard.Connectors.Messaging;
using Switchboard.Hosting;

return await ServiceRunner.RunAsync(args, new ConnectorModule<CommercetoolsPlatform>());
