using Switchboard.Connector.BigCommerce;
using Switchboard.Connectors.Messaging;
using Switchboard.Hosting;

return await ServiceRunner.RunAsync(args, new ConnectorModule<BigCommercePlatform>());
