using System.Net.Http.Headers;

namespace Switchboard.Sandbox.Tests;

/// <summary>Checks an emulator's injected latency the way a client notices it: an impatient client gives up.</summary>
internal static class Latency
{
    /// <summary>With 10 s of latency a client that waits 300 ms times out; without it the same request is answered.</summary>
    public static async Task IsFeltAsync(PlatformEmulator emulator, string url, AuthenticationHeaderValue? authorization = null)
    {
        var ct = TestContext.Current.CancellationToken;
        HttpRequestMessage Request() => new(HttpMethod.Get, url) { Headers = { Authorization = authorization } };
        emulator.Faults.Latency = TimeSpan.FromSeconds(10);
        using (var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) })
        using (var slow = Request())
        {
            var gaveUp = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(slow, ct));
            Assert.IsType<TimeoutException>(gaveUp.InnerException);
        }
        emulator.Faults.Latency = TimeSpan.Zero;
        using var patient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var fast = Request();
        using var answered = await patient.SendAsync(fast, ct);
        Assert.True(answered.IsSuccessStatusCode, $"{url} answered {(int)answered.StatusCode} once the latency was gone");
    }
}
