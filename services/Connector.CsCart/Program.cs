using Switchboard.Connector.CsCart;
using Switchboard.Connectors.Messaging;
using Switchboard.Hosting;

return await ServiceRunner.RunAsync(args, new ConnectorModule<CsCartPlatform>());
