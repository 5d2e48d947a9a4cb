using Switchboard.Connector.BigCommerce;
using Switchboard.Connector.Commercetools;
using Switchboard.Connector.CsCart;
using Switchboard.Connector.Ecwid;
using Switchboard.Connector.OpenCart;
using Switchboard.Connectors.Messaging;
using Switchboard.Hosting;
using Switchboard.Scheduler;
using Switchboard.Transformer;

namespace Switchboard.Host;

/// <summary>Every service of Switchboard, composed in one process.</summary>
public static class AllModules
{
    public static IReadOnlyList<ISwitchboardModule> Create(bool runSchedules) =>
    [
        new SchedulerModule { RunSchedules = runSchedules },
        new TransformerModule(),
        new ConnectorModule<BigCommercePlatform>(),
        new ConnectorModule<EcwidPlatform>(),
        new ConnectorModule<OpenCartPlatform>(),
        new ConnectorModule<CommercetoolsPlatform>(),
        new ConnectorModule<CsCartPlatform>(),
    ];
}
