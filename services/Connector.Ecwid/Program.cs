using Switchboard.Connector.Ecwid;
using Switchboard.Connectors.Messaging;
using Switchboard.Hosting;

return await ServiceRunner.RunAsync(args, new ConnectorModule<EcwidPlatform>());
