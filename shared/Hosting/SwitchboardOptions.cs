namespace Switchboard.Hosting;

public enum Transport { InMemory, RabbitMq }

/// <summary>How a Switchboard process runs: which transport, which broker, where its state lives.</summary>
public sealed record SwitchboardOptions
{
    public Transport Transport { get; init; } = Transport.InMemory;

    /// <summary>Broker address for <see cref="Transport.RabbitMq"/>, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public Uri? RabbitMqUri { get; init; }

    /// <summary>Folder of the embedded state (SQLite files); ignored where a connection string is given.</summary>
    public string StateDirectory { get; init; } = ".switchboard";

    /// <summary>Connection strings by service (<c>scheduler</c>, <c>transformer</c>); SQLite in
    /// <see cref="StateDirectory"/> when absent.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; init; } = new Dictionary<string, string>();

    /// <summary>Prefix for queue names, so several test runs can share one broker without meeting.</summary>
    public string QueuePrefix { get; init; } = "";

    /// <summary>Fetch and transform, publish nothing: the Transformer keeps what it would send in its outbox
    /// (of a throw-away state folder) and never sends it.</summary>
    public bool DryRun { get; init; }
    /// <summary>Declares every receive queue as a RabbitMQ quorum queue (replicated, durable) instead of a classic
    /// one. A queue keeps the type it was declared with: switching an existing broker means deleting its queues first.</summary>
    public bool QuorumQueues { get; init; }

    public static Uri RabbitMqUriFromEnvironment() =>
        Environment.GetEnvironmentVariable("RABBITMQ_URI") is { Length: > 0 } uri
            ? new Uri(uri)
            : throw new Configuration.SetupException("RABBITMQ_URI is not set; it names the broker, e.g. amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>Start returns only once the bus has bound every queue (the command line, which sends a run's first
    /// command right after). A service started alone returns at once and tells its readiness through /health/ready.</summary>
    public bool WaitForBusOnStart { get; init; } = true;
}
