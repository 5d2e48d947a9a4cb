using Testcontainers.RabbitMq;
using Xunit;

namespace Switchboard.Pipeline.Tests;

/// <summary>The broker for tests that need a real RabbitMQ: <c>RABBITMQ_URI</c> when set, else a Testcontainers
/// broker, else the test is skipped with the reason — never passed silently.</summary>
public static class RabbitMqBroker
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Uri? _uri;
    private static string? _unavailable;

    public static async Task<Uri> RequireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_uri is null && _unavailable is null)
            {
                if (Environment.GetEnvironmentVariable("RABBITMQ_URI") is { Length: > 0 } fromEnvironment)
                    _uri = new Uri(fromEnvironment);
                else
                {
                    try
                    {
                        var container = new RabbitMqBuilder("rabbitmq:4-management").Build();
                        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                        await container.StartAsync(timeout.Token);
                        _uri = new Uri(container.GetConnectionString());
                    }
                    catch (Exception ex)
                    {
                        _unavailable = $"no RabbitMQ: RABBITMQ_URI is not set and Testcontainers could not start one ({ex.GetType().Name}: {ex.Message})";
                    }
                }
            }
        }
        finally
        {
            Gate.Release();
        }
        if (_unavailable is not null)
        {
            Console.Error.WriteLine($"SKIPPED: {_unavailable}");
            Assert.Skip(_unavailable);
        }
        return _uri!;
    }
}
