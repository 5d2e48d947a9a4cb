using Switchboard.Persistence;

namespace Switchboard.Transformer;

internal sealed class TransformerDesignTimeFactory() : StateDesignTimeFactory<TransformerDbContext>(TransformerModule.ServiceName);
